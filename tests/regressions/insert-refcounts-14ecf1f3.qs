// Found by `qnano props`: no leaks (insert-refcounts).
fn main() {
    for a in (0 & 3)..({
        array(2, fn(q0: (Array[Int], (Bool, (Int, Bool)))) {
            ()
        })[0]((array(1, -1), (true, (1, false))))
        0
    } & 3) {}
    ()
}
