fn main() {
    let match = 1
    let type = 2
    let mut self = 3
    print(scope)
}
