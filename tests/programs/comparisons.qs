// Every comparison operator on Ints (negative ones too), and == != on Bools.
fn main() {
    let a = -3
    let b = 2
    print(a < b)
    print(a <= b)
    print(a > b)
    print(a >= b)
    print(a == b)
    print(a != b)
    print(b <= 2)
    print(b >= 2)
    print(b < 2)
    print(b > 2)
    print(-9223372036854775808 < 9223372036854775807)
    print(true == true)
    print(true != false)
    print(false == true)
    print((a < b) == (b > a))
    print(1 + 1 == 2)
}
