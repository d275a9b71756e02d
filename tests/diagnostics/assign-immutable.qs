fn main() {
    let x = 1
    let mut y = 2
    y = y + x
    x = 5
    x += 1
}
