fn main() {
    let x = 5
    if 0 < x < 10 {
        print(x)
    }
    let same = 1 == 1 == true
}
