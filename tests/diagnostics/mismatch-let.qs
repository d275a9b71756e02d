fn main() {
    let count: Int = true
    let flag: Bool = 1 + 2
    let nothing: Unit = 5
    print(count)
}
