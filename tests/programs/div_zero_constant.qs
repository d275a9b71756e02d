// Dividing by the constant 0 outside a const is not a compile-time error: it
// panics when it runs, after the output before it.
fn main() {
    let a = 7
    print(a / 1)
    let q = a % 0
    print(q)
}
