fn main() {
    let greeting = 1
    panic("hello, world)
}
