const N: Int = 1
fn main() {
    print(N)
}
const N: Int = 2
fn main() {
}
