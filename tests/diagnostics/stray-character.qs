fn main() {
    let price$ = 12
    print(price)
}
