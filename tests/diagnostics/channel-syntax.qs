fn main() {
    scope {
        let ch = channel[Int]
    }
}
