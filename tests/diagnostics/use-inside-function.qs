// `use` inside a function.
fn main() {
    use util
    print(1)
}
