// One `}` too many ends main early: the note points at it, though it is not
// alone on its line.
fn main() {
    let x = 1
    if x > 0 {
        print(1)
    }}
    print(2)
}
