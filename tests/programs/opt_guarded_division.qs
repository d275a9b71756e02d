// A division guarded by a test inside a loop stays behind its guard: with
// d = 0 (opt_guarded_division.in) neither `100 / d` nor `100 % d` runs, and
// hoist-invariants must not move them before the loop, where they would
// panic though the loop never divides.
fn main() {
    let d = read_int()
    let mut s = 0
    let mut r = 0
    for i in 0..3 {
        if d != 0 { s = s + 100 / d }
        if d != 0 { r = r + 100 % d }
        s = s + i
    }
    print(s)
    print(r)
}
