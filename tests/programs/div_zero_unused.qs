// A division whose value is unused still runs, and still panics on zero.
fn main() {
    let zero = 0
    print(1)
    let unused = 5 / zero
    print(2)
}
