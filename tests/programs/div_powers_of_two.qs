// Division by a power of two becomes shifts and masks (no idivq, no sdiv):
// it must still round toward zero, and the remainder keep the sign of a.
fn main() {
    let mut i = 0
    while i < 6 {
        let a = read_int()
        print(a / 2)
        print(a % 2)
        print(a / 8)
        print(a % 8)
        print(a / 4_294_967_296)
        print(a % 4_294_967_296)
        print(a / 0x4000_0000_0000_0000)
        print(a % 0x4000_0000_0000_0000)
        i += 1
    }
}
