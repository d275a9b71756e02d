// && and || short-circuit: the right operand runs only when it decides the result.
fn main() {
    let mut n = 0
    print(false && { n += 1; true })
    print(true || { n += 10; false })
    print(n)
    print(true && { n += 100; true })
    print(false || { n += 1000; false })
    print(n)
    let zero = 0
    print(zero != 0 && 10 / zero > 1)
    print(zero == 0 || 10 / zero > 1)
    print(false && { panic("right side of && ran") })
    print(true || { panic("right side of || ran") })
    if (false && { print(7); true }) { print(8) }
    print(9)
}
