// if/else as an expression: nested, in else-if chains, and as an operand.
fn main() {
    let mut i = -2
    while i <= 2 {
        let sign = if i < 0 { -1 } else if i == 0 { 0 } else { 1 }
        let size = if i < 0 { if i < -1 { 20 } else { 10 } } else { if i > 1 { 2 } else { 1 } }
        print(sign * 100 + size)
        print(10 + if i % 2 == 0 { 1 } else { 2 })
        i += 1
    }
    let b = if i > 0 { true } else { false }
    print(b)
    if i > 100 { print(1) } else if i > 2 { print(2) } else { print(3) }
    if i == 3 { print(4) }
    if i != 3 { print(5) }
}
