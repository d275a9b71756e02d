fn main() {
    let b = Box(1)
    b.set("one")
    print(b.open())
    print(b.get(1))
    let n = 2
    print(n.get())
}
