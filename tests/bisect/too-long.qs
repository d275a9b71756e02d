// The same loop as too-deep.qs, a billion times round: the tree interpreters
// fill JavaScript's stack, the interpreters from Lreturn on run out of fuel. Two
// interpreters that gave up differently: no pass changed the meaning.
fn count(n: Int, total: Int) -> Int {
    if n == 0 {
        total
    } else {
        count(n - 1, total + 1)
    }
}

fn main() {
    print(count(1000000000, 0))
}
