fn sign(x: Int) -> Int {
    if x < 0 { return false }
    x > 0
}

fn main() {
    print(sign(3))
}
