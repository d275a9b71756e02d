// An inlined call whose value is unused, of a function that returns a call
// (`return h(n + 1)`): inline-calls must keep that call, with its output.
fn h(n: Int) -> Int {
    if n > 0 {
        print(n)
        return h(n - 1)
    }
    return 0
}
fn g(n: Int) -> Int { return h(n + 1) }
fn main() {
    g(2)
    print(99)
}
