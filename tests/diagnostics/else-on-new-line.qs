fn main() {
    let x = read_int()
    if x > 0 {
        print(1)
    }
    else {
        print(2)
    }
}
