// A program's own items hide the prelude's of the same name; `try` still means
// the prelude's Result, and the prelude's own code its own items.
union Option { Some(value: Int), Nothing }      // hides the prelude's Option, Some
fn abs(x: Int) -> Int { x * 100 }               // hides the prelude's abs
fn unwrap(o: Option) -> Int { match o { Some(v) => v, Nothing => 0 } }

fn half(x: Int) -> Result[Int, String] {
    if x % 2 == 0 { Ok(x / 2) } else { Err("odd") }
}

fn quarter(x: Int) -> Result[Int, String] {
    let h = try half(x)
    half(h)
}

fn main() {
    print(abs(-3))
    print(unwrap(Some(4)))
    print(unwrap(Nothing))
    match quarter(12) { Ok(v) => print(v), Err(e) => print(e) }
    match quarter(6) { Ok(v) => print(v), Err(e) => print(e) }
    // The prelude's None is not hidden: its Option is there, under another name,
    // and the program's use of `o` fixes its type argument.
    print(unwrap_or(None, 8))
    let o = None
    print(is_none(o) && unwrap_or(o, 1) == 1)
}
