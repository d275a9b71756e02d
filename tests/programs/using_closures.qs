// using inside and around anonymous functions: a closure's return drops only its own
// usings; a return of a block with a using calls first, then drops; methods inside closures.
record R { n: Int }
impl R { fn drop(self) { print("drop") } fn get(self) -> Int { self.n } }
fn g(x: Int) -> Int { print("g"); x }
fn f(k: Int) -> Int {
    let add = fn(x: Int) -> Int {
        using r = R { n: x }
        if x > 5 { return r.get() + 100 }
        x + k
    }
    using outer = R { n: k }
    print(add(3))
    print(add(9))
    return { using t = R { n: 1 }; g(t.get()) }
}
fn main() { print(f(2)) }
