// Found by `qnano props`: pass (explicate-control).
fn main() {
    ()
}
