// Calls through closures: a closure that captures two values called n times
// in a loop, and tail calls through closures, which reuse the frame (constant
// stack: tests/golden.test.ts runs the binaries with 10,000,000 as input).
fn run(n: Int, f: fn(Int) -> Int) -> Int {
    let mut acc = 0
    for i in 0..n { acc = (acc + f(i)) % 1000003 }
    acc
}

// Tail recursion through a closure stored in a Box.
fn count_down(me: Box[fn(Int, Int) -> Int], n: Int, acc: Int) -> Int {
    if n == 0 { return acc }
    return me.get()(n - 1, acc + n % 3)
}

// A closure passed to itself.
fn loop_with(step: fn(Int, Int, fn(Int, Int) -> Int) -> Int, n: Int) -> Int {
    step(n, 0, fn(a: Int, b: Int) -> Int { a + b })
}

fn main() {
    let n = read_int()
    let a = 3
    let b = 7
    print(run(n, fn(x: Int) -> Int { x * a + b }))

    let me: Box[fn(Int, Int) -> Int] = Box(fn(n: Int, acc: Int) -> Int { acc })
    let k = 0
    me.set(fn(m: Int, acc: Int) -> Int { return count_down(me, m, acc + k) })
    print(me.get()(n, 0))
    me.set(fn(n: Int, acc: Int) -> Int { acc })

    let step_box: Box[fn(Int, Int, fn(Int, Int) -> Int) -> Int] = Box(fn(n: Int, acc: Int, add: fn(Int, Int) -> Int) -> Int { acc })
    let step = fn(n: Int, acc: Int, add: fn(Int, Int) -> Int) -> Int {
        if n == 0 { return acc }
        return step_box.get()(n - 1, add(acc, n % 5), add)
    }
    step_box.set(step)
    print(loop_with(step, n))
    step_box.set(fn(n: Int, acc: Int, add: fn(Int, Int) -> Int) -> Int { acc })
}
