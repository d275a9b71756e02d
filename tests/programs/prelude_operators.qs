// `==` and `<` on the prelude's types call the prelude's impls (brief §6), even
// when the program names neither the protocol nor a method: Eq for Option and
// Result, Ord for Bool (`false < true`). A constructor on the left takes the
// rest of its type from the right: `None == r` is `r == None`.
fn main() {
    print(Some(3) == Some(3))
    print(Some(3) != Some(4))
    let none: Option[Int] = None
    print(none == None)
    let r: Result[Int, String] = Ok(1)
    print(r == Ok(1))
    print(r == Err("no"))
    print(false < true)
    let b = true
    print(b >= false)
    print(b <= false)
    print(Some("x") == Some("y"))
    print(None == none)
    print(Ok(1) == r)
    print(Err("no") != r)
}
