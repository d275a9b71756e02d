// Recursion that never ends: the stack runs out, and the program panics.
fn down(n: Int) -> Int {
    down(n + 1) + 1
}

fn main() {
    print(1)
    print(down(0))
}
