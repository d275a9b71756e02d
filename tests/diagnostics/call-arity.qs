fn add(a: Int, b: Int) -> Int {
    a + b
}

fn main() {
    print(add(1))
    print(add(1, 2, 3))
}
