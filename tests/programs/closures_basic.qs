// Anonymous functions capture by value: adders, compose, curry, a capture
// made before a change of the variable, and arrays (references) that stay shared.
fn make_adder(k: Int) -> fn(Int) -> Int {
    fn(x: Int) -> Int { x + k }
}

fn compose(f: fn(Int) -> Int, g: fn(Int) -> Int) -> fn(Int) -> Int {
    fn(x: Int) -> Int { f(g(x)) }
}

fn curry(f: fn(Int, Int) -> Int) -> fn(Int) -> fn(Int) -> Int {
    fn(a: Int) -> fn(Int) -> Int { fn(b: Int) -> Int { f(a, b) } }
}

fn double(x: Int) -> Int { x * 2 }

fn sub(a: Int, b: Int) -> Int { a - b }

fn main() {
    let add5 = make_adder(5)
    let add10 = make_adder(10)
    print(add5(1))
    print(add10(1))
    print(compose(add5, double)(7))
    print(compose(double, add5)(7))
    print(curry(sub)(10)(3))
    let minus = curry(fn(a: Int, b: Int) -> Int { b - a })
    print(minus(1)(100))

    // Captured by value: a later assignment is not seen.
    let mut n = 1
    let show_n = fn() -> Int { n }
    n = 2
    print(show_n())
    print(n)

    // An array is a reference: the closure sees later writes into it.
    let a = array(3, 0)
    let sum = fn() -> Int { a[0] + a[1] + a[2] }
    a[1] = 40
    a[2] = 2
    print(sum())

    // Strings, tuples and records are values; a closure of no arguments, one returning Unit.
    let greeting = "hello"
    let pair = (greeting, 3)
    let greet = fn(who: String) { print(pair.0 + ", " + who) }
    greet("world")
    let twice = fn(f: fn(String), s: String) { f(s); f(s) }
    twice(greet, "again")

    // Called where it is made.
    print((fn(x: Int, y: Int) -> Int { x * y })(6, 7))

    // A fn item and a closure, chosen by an if: one type.
    let pick = fn(b: Bool) -> fn(Int) -> Int { if b { double } else { add10 } }
    print(pick(true)(4) + pick(false)(4))

    // A closure that returns early.
    let clamp = fn(x: Int) -> Int {
        if x > 100 { return 100 }
        x
    }
    print(clamp(7) + clamp(700))
}
