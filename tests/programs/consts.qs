// const items: global, in any order, referring to each other; hex, binary and
// underscore-separated literals.
const AREA: Int = WIDTH * HEIGHT
const WIDTH: Int = 0x10
const HEIGHT: Int = 0b1010
const BIG: Int = 1_000_000
const MASK: Int = (1 << 8) - 1
const FLAG: Bool = AREA > 100 && !NEG_FLAG
const NEG_FLAG: Bool = false
const NEG: Int = -0x7fff_ffff_ffff_ffff - 1
fn main() {
    print(AREA)
    print(WIDTH + HEIGHT)
    print(BIG / 1_000)
    print(MASK)
    print(FLAG)
    print(NEG)
    print(0xFF)
    print(0b1111_0000)
    let mut total = 0
    for i in 0..HEIGHT { total += WIDTH }
    print(total)
}
