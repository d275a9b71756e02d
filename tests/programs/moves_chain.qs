// A chain of copies: each `let` below is a move, and each copy's source dies
// there, so move biasing can give both ends of every move the same register.
// Then the moves are self-moves, which patch-instructions deletes: what is
// left is only read_int's result moved out of its register and print's
// argument moved into one.
fn main() {
    let a = read_int()
    let mut b = a
    b += 1
    let c = b
    let d = c
    let mut e = d
    e *= 3
    let f = e
    print(f)
}
