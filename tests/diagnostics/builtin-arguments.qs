fn main() {
    print("hello")
    print(())
    panic(42)
    exit(true)
    assert(1)
    frobnicate(3)
    let p = print
}
