// A function that returns a value but has no `->`: the error says to write one.
fn twice(n: Int) {
    if n < 0 { return 0 }
    n * 2
}
fn main() {
    twice(3)
    let f = fn(x: Int) { x + 1 }
}
