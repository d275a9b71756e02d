fn square(x: Int) -> Int {
    x * x
}

fn main() {
    print(square(3))
}
