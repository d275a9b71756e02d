// Functions as values: passed, stored in a let, chosen by an if, called indirectly.
fn double(x: Int) -> Int { x * 2 }
fn square(x: Int) -> Int { x * x }
fn negate(x: Int) -> Int { -x }

fn apply_twice(f: fn(Int) -> Int, x: Int) -> Int {
    f(f(x))
}

fn pick(n: Int) -> fn(Int) -> Int {
    if n == 0 { double } else if n == 1 { square } else { negate }
}

fn compose_sum(f: fn(Int) -> Int, g: fn(Int) -> Int, n: Int) -> Int {
    let mut total = 0
    for i in 0..n {
        total += f(g(i))
    }
    total
}

fn say(b: Bool) { print(b) }

fn main() {
    let f = double
    print(f(21))
    print(apply_twice(square, 3))
    print(apply_twice(pick(2), 5))
    let mut g: fn(Int) -> Int = negate
    for i in 0..3 {
        g = pick(i)
        print(g(7))
    }
    print(compose_sum(square, double, 5))
    let s: fn(Bool) = say
    s(true)
    let h: fn(fn(Int) -> Int, Int) -> Int = apply_twice
    print(h(double, 1))
}
