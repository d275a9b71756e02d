// Every compound assignment operator: x op= e means x = x op e.
fn main() {
    let mut x: Int = 100
    x += 5
    print(x)
    x -= 10
    print(x)
    x *= 3
    print(x)
    x /= 4
    print(x)
    x %= 50
    print(x)
    x &= 0b110
    print(x)
    x |= 0x10
    print(x)
    x ^= 0xff
    print(x)
    x <<= 4
    print(x)
    x >>= 2
    print(x)
    x -= x * 2
    print(x)
    x >>= 1
    print(x)
    let mut b: Bool = true
    b &= false
    print(b)
    b |= true
    print(b)
    b ^= true
    print(b)
}
