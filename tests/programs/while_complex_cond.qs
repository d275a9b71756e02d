// A while condition with side effects and operators is evaluated afresh each time.
fn main() {
    let mut i = 0
    let mut checks = 0
    while ({ checks += 1; i * i < 30 } && i != 4) {
        i += 1
    }
    print(i)
    print(checks)
    let mut a = 10
    let mut b = 0
    while a - b > 2 * (b + 1) || a == 10 {
        a -= 1
        b += 1
    }
    print(a)
    print(b)
}
