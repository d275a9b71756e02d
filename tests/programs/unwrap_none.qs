// `unwrap` of None panics with the brief's message.
fn find(xs: Array[Int], wanted: Int) -> Option[Int] {
    let mut i = 0
    for x in xs {
        if x == wanted { return Some(i) }
        i += 1
    }
    None
}

fn main() {
    let xs = array(4, 2)
    xs[3] = 9
    print(unwrap(find(xs, 9)))
    print(unwrap(find(xs, 5)))
    print(0)
}
