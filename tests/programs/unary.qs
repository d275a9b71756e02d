// Unary minus, logical not and bitwise not, also stacked.
fn main() {
    let x = 5
    print(-x)
    print(- -x)
    print(~x)
    print(~~x)
    print(-~x)
    print(!true)
    print(!!true)
    let b = 3 > 4
    print(!b)
    print(-(x * 2))
    print(-9223372036854775807 - 1)
}
