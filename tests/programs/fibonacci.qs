// Iterative Fibonacci numbers; fib(93) no longer fits and wraps around.
fn main() {
    let mut a = 0
    let mut b = 1
    for i in 0..94 {
        if i < 10 || i > 89 { print(a) }
        let t = a + b
        a = b
        b = t
    }
}
