fn main() {
    let s = "a" + 1
    let t = "a" < "b"
    panic(42)
    let u = 1 + "b"
    let v = (1, 2) == (1, 2)
}
