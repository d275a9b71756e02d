fn main() {
    print((1, true).show())
}
