// Found by issue 14 (item 4), the same bug in other operands: lower-data-layout
// kept the array of `a[e]` and `a[e] = v` as the variable a and read it after
// e and v ran, so an e or v that gives a a new array moved the read or the
// store to the new one.
fn main() {
    let mut a = array(3, 1)
    let old = a
    let b = array(3, 2)
    print(a[{
        a = b
        0
    }])
    a = old
    a[{
        a = b
        1
    }] = 8
    a = old
    a[2] = {
        a = b
        9
    }
    print(old[1])
    print(old[2])
    print(b[1])
    print(b[2])
}
