// Found by `qnano props`: well-typed. The printed program does not parse: a record literal
// in a block inside an `if` used as a condition is read as `Point` followed by a body.
record Point { x: Bool }

fn main() {
    if if false {
        {
            let mut a = Point { x: false }
            false
        }
    } else {
        panic("unreachable")
    } {}
}
