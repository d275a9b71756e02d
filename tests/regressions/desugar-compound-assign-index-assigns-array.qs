// Found by issue 14 (item 4), the same bug in other operands: desugar-compound-assign
// wrote `a[e] += v` as `a[i] = a[i] + v` after computing e into a new variable i,
// keeping a as the variable: an e that gives a a new array moved the read and the
// store to the new one.
fn main() {
    let mut a = array(3, 1)
    let old = a
    let b = array(3, 2)
    a[{
        a = b
        1
    }] += 5
    print(old[1])
    print(b[1])
}
