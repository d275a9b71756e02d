fn main() {
    scope {
        spawn print(1)
    }
}
