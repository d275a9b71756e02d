fn main() {
    let a = 1
    a = 2
    let b: Bool = a
    print(c)
    if a { print(a) }
    while true { break }
    continue
}
