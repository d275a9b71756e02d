// Found by `qnano props`: no leaks (insert-refcounts).
fn main() {
    string_slice("", 0, 0)
    ()
}
