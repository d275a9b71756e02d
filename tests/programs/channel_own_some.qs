// The program's own constructors Some and None hide the prelude's (spec/symbols.md):
// a receive and `for v in ch` still make the prelude's Option.
union Maybe { Nope, Some(v: Int), None }
fn main() {
    let c = channel[Int](2)
    c.send(3)
    c.close()
    print(unwrap(c.recv()))
    print(c.recv().is_some())
    let m = Some(5)
    match m { Some(v) => print(v), _ => print(-1) }
    let c2 = channel[Int](1)
    c2.send(9)
    c2.close()
    for v in c2 { print(v) }
}
