// Anonymous functions and calls of function values: what the type checker refuses.
record Ops { f: fn(Int) -> Int }

fn main() {
    let inc = fn(x: Int) -> Int { x + 1 }
    let wrong = fn(x: Int) -> Int { x > 0 }
    let unit = fn(x: Int) { x }
    let early = fn(b: Bool) -> Int { if b { return true }; 0 }
    let twice = fn(a: Int, a: Int) -> Int { a }
    let ops = Ops { f: inc }
    print((ops.f)(1, 2))
    print((ops.f)(false))
    print(3(4))
    print(array(2, inc)[0]())
    print(inc(1)(2))
    for i in 0..3 {
        let leave = fn() { break }
    }
    let never = panic("no")(1)
}
