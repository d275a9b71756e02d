// An `if` whose branches make a union's value, `new` in one (a Ref once data
// is laid out) and a constructor without fields in the other (an immediate),
// passed straight to a call: remove-complex-operands put it in a variable of
// the first branch's type, Ref, so its count was not guarded against the
// immediate and the binary crashed at the dec (found through ch.recv(), whose
// Option lower-channels makes that way). The join of Ref and Union is Union.
// (`or` is recursive so that inline-calls keeps the call.)
fn or(o: Option[Int], d: Int) -> Int {
    if d > 1000 { or(o, d - 1) } else { match o { Some(v) => v, None => d } }
}

fn main() {
    let n = read_int()
    print(or(if n > 0 { Some(n) } else { None }, -1))
    let ch = channel[Int](1)
    ch.close()
    print(or(ch.recv(), -2))
}
