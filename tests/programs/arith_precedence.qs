// Arithmetic operators and precedence: * / % bind tighter than + -,
// and every binary operator is left-associative.
fn main() {
    print(1 + 2 * 3)
    print((1 + 2) * 3)
    print(10 - 4 - 3)
    print(100 / 10 / 5)
    print(17 % 5 * 2)
    print(2 + 3 * 4 - 10 / 3)
    print(-5 + 2)
    print(7 - -3)
    let a = 6
    let b = 4
    print(a * b + a / b - a % b)
    print(a - b - 1 * 2)
}
