// Found by `qnano props`: pass (desugar-field-update). The pass crashes: "no type known for b.2"
// (the same cause as desugar-for-range-variable: no type for a range `for` variable).
fn main() {
    let mut a = (1, true)
    for b in (0 & 3)..(0 & 3) {
        a.0 |= b
    }
    print(a.0)
    print(a.1)
}
