fn main() {
    let s = "hello"
    let t: String = panic("no strings yet")
}
