// The binary digits of a number, most significant first, via shifts and masks.
fn main() {
    let n = 0b1011_0110
    let mut started = false
    let mut i = 63
    while i >= 0 {
        let bit = (n >> i) & 1
        if bit == 1 { started = true }
        if started { print(bit) }
        i -= 1
    }
    let mut x = -1
    let mut ones = 0
    for k in 0..64 {
        ones += x & 1
        x = x >> 1
    }
    print(ones)
    let mut y = -1
    let mut steps = 0
    while y != 0 {
        y = (y >> 1) & 9223372036854775807
        steps += 1
    }
    print(steps)
}
