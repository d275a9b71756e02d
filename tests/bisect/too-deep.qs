// A tail call that is only the body's value: a loop in the compiled code and
// in the interpreters from Lcfg on, but 100,000 nested calls in the tree
// interpreters (Lsrc to Lmon), which fill JavaScript's stack and give up.
// Every pass is correct: bisect must blame none.
fn count(n: Int, total: Int) -> Int {
    if n == 0 {
        total
    } else {
        count(n - 1, total + 1)
    }
}

fn main() {
    print(count(100000, 0))
}
