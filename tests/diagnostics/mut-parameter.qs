// Parameters are not `mut` in Quastra.
fn count_down(mut n: Int) {
    while n > 0 { n -= 1 }
}
fn main() { count_down(3) }
