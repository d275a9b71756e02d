// The program's own file declares `len` (of its own list): a module that calls
// the built-in `len` still gets the built-in (spec/symbols.md), and this file's
// own calls get its own.
use modules.sums

union List { Nil, Cons(head: Int, tail: List) }

fn len(l: List) -> Int {
    match l { Nil => 0, Cons(_, t) => 1 + len(t) }
}

fn main() {
    print(sums.total(array(4, 5)))
    print(len(Cons(1, Cons(2, Nil))))
}
