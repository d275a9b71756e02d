// A generic list, recursive without a Box, and the functions over it.
union List[T] { Nil, Cons(head: T, tail: List[T]) }

fn length[T](l: List[T]) -> Int {
    match l { Nil => 0, Cons(_, rest) => 1 + length(rest) }
}

fn append[T](a: List[T], b: List[T]) -> List[T] {
    match a { Nil => b, Cons(h, t) => Cons(h, append(t, b)) }
}

fn reverse[T](l: List[T]) -> List[T] {
    let mut out = Nil
    let mut rest = l
    while is_cons(rest) {
        match rest {
            Cons(h, t) => { out = Cons(h, out); rest = t }
            Nil => break,
        }
    }
    out
}

fn is_cons[T](l: List[T]) -> Bool { match l { Cons(_, _) => true, Nil => false } }

fn nth[T](l: List[T], n: Int) -> Option[T] {
    match l {
        Nil => None,
        Cons(h, _) if n == 0 => Some(h),
        Cons(_, t) => nth(t, n - 1),
    }
}

fn range(from: Int, to: Int) -> List[Int] {
    if from >= to { Nil } else { Cons(from, range(from + 1, to)) }
}

fn sum(l: List[Int]) -> Int {
    match l { Nil => 0, Cons(h, t) => h + sum(t) }
}

fn squares(l: List[Int]) -> List[Int] {
    match l { Nil => Nil, Cons(h, t) => Cons(h * h, squares(t)) }
}

fn print_all(l: List[Int]) {
    match l {
        Nil => (),
        Cons(h, t) => { print(h); print_all(t) }
    }
}

fn main() {
    let xs = range(1, 6)
    print(length(xs))
    print(sum(squares(xs)))
    print_all(reverse(append(xs, Cons(10, Nil))))
    print(unwrap_or(nth(xs, 2), -1))
    print(unwrap_or(nth(xs, 9), -1))
    let words = Cons("b", Cons("a", Nil))
    print(length(words))
    match nth(reverse(words), 0) { Some(w) => print(w), None => print("none") }
    let empty: List[Bool] = Nil
    print(length(empty))
}
