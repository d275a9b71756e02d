// fib: the naive recursive Fibonacci of 37, about 78 million calls.
// fib.c is the same program in C.
fn fib(n: Int) -> Int {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn main() {
    print(fib(37))
}
