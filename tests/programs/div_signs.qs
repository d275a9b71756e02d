// Division truncates toward zero; the remainder has the sign of the dividend.
fn main() {
    print(7 / 2)
    print(-7 / 2)
    print(7 / -2)
    print(-7 / -2)
    print(7 % 2)
    print(-7 % 2)
    print(7 % -2)
    print(-7 % -2)
    print(1 / 3)
    print(-1 / 3)
    print(-9 % 3)
    print(0 / -5)
    let a = -17
    let b = 5
    print(a / b * b + a % b)
}
