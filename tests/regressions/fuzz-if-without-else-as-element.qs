// Found by `qnano fuzz --seed 1`: internal error in desugar-for (the type of
// an `if` without `else`, a Unit, was taken as the join of its branches, and
// it has only one). Minimised: `for b in array(2, if true {}) {}`.
fn main() {
    for b in array(2, if true {}) {}
    let a = array(3, if false { print(1) })
    let boxed = Box(if len(a) > 2 { print(2) })
    boxed.set(())
    print(len(array(1, boxed.get())))
    print(len(a))
}
