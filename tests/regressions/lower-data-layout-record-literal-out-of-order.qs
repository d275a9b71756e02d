// Found by issue 14 (item 4), the same bug in other operands: lower-data-layout
// computes the fields of a record literal written out of declaration order into
// new variables, but read a field that is a variable only when it built the
// record, after the later fields had run.
record Point { x: Int, y: Int }

fn main() {
    let mut x = 1
    let p = Point { y: x, x: {
        x = 5
        2
    } }
    print(p.x)
    print(p.y)
}
