const ZERO: Int = 10 - 10
const RATIO: Int = 100 / ZERO
const REST: Int = 7 % (ZERO * 2)
const FINE: Int = -9223372036854775808 / -1
fn main() {
    print(RATIO + REST + FINE)
}
