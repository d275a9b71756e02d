// Operands and arguments are evaluated left to right, side effects included:
// an operand that reads a variable sees it before later operands change it.
fn main() {
    let mut x = 1
    print(x + { x = 5; 1 })
    print(x)
    let y = { x += 1; x } * 10 + { x *= 2; x }
    print(y)
    print({ print(1); 1 } - { print(2); 2 } - { print(3); 3 })
    let mut z = 3
    z += { z = 100; 1 }
    print(z)
    let c = x < { x = 0; 13 }
    print(c)
    print(x)
    let mut n = 2
    print(n * { n = n + 1; n } * n)
}
