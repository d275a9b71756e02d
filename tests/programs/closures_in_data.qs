// Closures in data structures, closures that capture closures, and what they
// capture (strings, arrays, records, other closures) released when the last
// closure holding it dies: the leak check finds nothing.
record Op { name: String, run: fn(Int, Int) -> Int }

fn add(a: Int, b: Int) -> Int { a + b }

fn table() -> Array[Op] {
    let ops = array(4, Op { name: "add", run: add })
    let bias = 1000
    ops[1] = Op { name: "mul", run: fn(a: Int, b: Int) -> Int { a * b } }
    ops[2] = Op { name: "biased", run: fn(a: Int, b: Int) -> Int { a + b + bias } }
    let names = array(2, "x")
    names[1] = "y"
    ops[3] = Op { name: "pick", run: fn(a: Int, b: Int) -> Int { len(names[a % 2]) * b } }
    ops
}

fn twice(f: fn(Int) -> Int) -> fn(Int) -> Int { fn(x: Int) -> Int { f(f(x)) } }

fn chain(fs: Array[fn(Int) -> Int]) -> fn(Int) -> Int {
    fn(x: Int) -> Int {
        let mut v = x
        for f in fs { v = f(v) }
        v
    }
}

fn main() {
    let ops = table()
    for op in ops { print(op.name + " " + "=") ; print((op.run)(6, 7)) }
    print((ops[2].run)(1, 2))

    // Closures capturing closures, four deep.
    let inc = fn(x: Int) -> Int { x + 1 }
    let inc4 = twice(twice(inc))
    print(inc4(0))
    print(twice(inc4)(10))

    // A closure over an array of closures.
    let steps = array(3, inc)
    steps[1] = twice(fn(x: Int) -> Int { x * 3 })
    steps[2] = inc4
    let all = chain(steps)
    print(all(1))

    // In tuples and boxes.
    let t = (inc, "label", twice(inc))
    print((t.0)(1) + (t.2)(1))
    let b = Box(t.0)
    b.set(twice(b.get()))
    print(b.get()(5))

    // A closure made in a loop, each capturing that turn's string; all but the last dropped.
    let mut last = fn() -> String { "none" }
    for i in 0..5 {
        let s = "turn " + (if i % 2 == 0 { "even" } else { "odd" })
        last = fn() -> String { s + "!" }
    }
    print(last())

    // A closure that outlives the array it captured; the array dies with it.
    let keep = {
        let big = array(100, "s")
        fn(i: Int) -> String { big[i] }
    }
    print(keep(99))
}
