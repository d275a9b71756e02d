fn main() {
    let x = (1 + 2
    let y = 3 +
    let z = 4
    print(x y)
    let = 5
    print(z)
}
