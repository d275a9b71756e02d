// The remainder by zero panics too, also in a compound assignment.
fn main() {
    let mut x = 17
    x %= 5
    print(x)
    let zero = x - 2
    x %= zero
    print(x)
}
