fn main() {
    let total = 10
    {
        let inner = 5
    }
    print(total + inner)
    print(totl)
}
