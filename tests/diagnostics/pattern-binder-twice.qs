union Pair { Two(a: Int, b: Int) }
fn main() {
    match Two(1, 2) {
        Two(x, x) => print(x),
    }
    match (1, (2, 3)) {
        (y, (z, y)) => print(z),
    }
}
