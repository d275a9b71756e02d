const LIMIT: Int = 3
fn main() {
    for i in 0..LIMIT {
        i = i + 1
    }
    LIMIT = 4
    undeclared = 1
}
