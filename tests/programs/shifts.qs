// Shift counts are taken modulo 64, and >> is arithmetic (it copies the sign bit).
fn main() {
    print(1 << 63)
    print(1 << 64)
    print(1 << 65)
    print(1 << -1)
    print(3 << 62)
    print(-8 >> 1)
    print(-1 >> 63)
    print(-9223372036854775808 >> 63)
    print(1024 >> 64)
    print(1024 >> 65)
    print(1024 >> -1)
    print(-1024 >> 3)
    let n = 70
    print(5 << n)
    print(1 << 3 + 1)
}
