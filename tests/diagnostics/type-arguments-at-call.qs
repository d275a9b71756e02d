// Slips of a Rust or Go hand: type arguments at a call, a channel without its
// element type, assert_eq without its `use`; each one error that says what to write.
fn id[T](x: T) -> T { x }
fn main() {
    print(id[Int](3))
    let s = Some[Int](3)
    let ch = channel(4)
    assert_eq(1, 1)
}
