fn half(x: Int) -> Int {
    if x < 0 { return }
    x / 2
}

fn main() {
    print(half(8))
    return 1
}
