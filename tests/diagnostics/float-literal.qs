fn main() {
    let half = 0.5
    print(half)
}
