// The prelude's Option and Result functions written as methods, as a Rust
// programmer writes them: `o.unwrap()` is `unwrap(o)`, `r.is_ok()` is `is_ok(r)`.
fn first_even(a: Array[Int]) -> Option[Int] {
    for x in a { if x % 2 == 0 { return Some(x) } }
    None
}

fn parse_digit(c: Int) -> Result[Int, String] {
    if c >= 48 && c <= 57 { Ok(c - 48) } else { Err("not a digit") }
}

fn main() {
    let a = array(4, 3)
    a[2] = 8
    let found = first_even(a)
    print(found.is_some())
    print(found.unwrap() + first_even(array(2, 1)).unwrap_or(-1))
    print(first_even(array(0, 0)).is_none())
    print(parse_digit(55).is_ok())
    print(parse_digit(65).is_err())
    print(unwrap(found) == found.unwrap())
    scope {
        let ch = channel[String](1)
        spawn { ch.send("sent"); ch.close() }
        print(ch.recv().unwrap())
        print(ch.recv().is_none())
    }
    let none: Option[Int] = None
    print(none.unwrap())
}
