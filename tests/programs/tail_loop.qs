// Tail calls reuse the frame: loops written as tail recursion run in constant
// stack, however many times they go round. The interpreters, too, run
// `return f(...)` in place, 100,000 times (tail_loop.in); the binaries also
// 10,000,000 times (tail_loop.10000000.out), as tests/golden.test.ts runs them.
fn sum_to(n: Int, acc: Int) -> Int {
    if n == 0 { return acc }
    return sum_to(n - 1, acc + n % 7)
}

// Mutual tail calls.
fn ping(n: Int, count: Int) -> Int {
    if n == 0 { return count }
    return pong(n - 1, count + 1)
}
fn pong(n: Int, count: Int) -> Int {
    if n == 0 { return count }
    return ping(n - 1, count + 2)
}

// A Unit function.
fn countdown(n: Int) {
    if n % 25000 == 0 { print(n) }
    if n == 0 { return }
    return countdown(n - 1)
}

// Through a variable.
fn step(f: fn(Int, Int) -> Int, n: Int) -> Int {
    return f(n, 0)
}

// Tail calls the compiled code makes without `return` (the body's value, and a
// Unit call at the end of a Unit function); shallow here, as the interpreters
// nest these.
fn digits(n: Int, count: Int) -> Int {
    if n < 10 { count + 1 } else { digits(n / 10, count + 1) }
}
fn tick(k: Int) {
    if k > 0 { tick(k - 1) }
}

fn main() {
    let n = read_int()
    print(sum_to(n, 0))
    print(ping(n, 0))
    countdown(n / 2)
    print(step(sum_to, n))
    print(digits(n, 0))
    tick(100)
}
