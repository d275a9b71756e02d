// Recursive Fibonacci: two calls per level, the results added after both return.
fn fib(n: Int) -> Int {
    if n < 2 {
        return n
    }
    fib(n - 1) + fib(n - 2)
}

fn main() {
    for i in 0..16 {
        print(fib(i))
    }
    print(fib(20))
}
