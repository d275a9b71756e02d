// Calls under a stack limit (tests/stack.test.ts): a recursion as deep as
// the input says, then the Fibonacci number 15 by naive recursion.
fn depth(n: Int) -> Int {
    if n == 0 { 0 } else { depth(n - 1) + 1 }
}

fn fib(n: Int) -> Int {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn main() {
    print(depth(read_int()))
    print(fib(15))
}
