// A field that holds a function, called as if it were a method.
record Ops { f: fn(Int) -> Int }
fn main() {
    let o = Ops { f: fn(x: Int) -> Int { x + 1 } }
    print(o.f(1))
}
