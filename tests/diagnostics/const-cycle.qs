const WIDTH: Int = AREA / HEIGHT
const HEIGHT: Int = 4
const AREA: Int = WIDTH * HEIGHT
const SELF: Int = SELF + 1
fn main() {
    print(WIDTH)
}
