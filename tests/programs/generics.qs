// Generic records, unions and functions; type arguments are always inferred.
record Pair[A, B] { first: A, second: B }
union Either[L, R] { Left(value: L), Right(value: R) }

fn swap[A, B](p: Pair[A, B]) -> Pair[B, A] { Pair { first: p.second, second: p.first } }
fn identity[T](x: T) -> T { x }
fn twice[T](f: fn(T) -> T, x: T) -> T { f(f(x)) }
fn inc(x: Int) -> Int { x + 1 }
fn pick[L, R](e: Either[L, R], left: fn(L) -> Int, right: fn(R) -> Int) -> Int {
    match e { Left(l) => left(l), Right(r) => right(r) }
}
fn bool_code(b: Bool) -> Int { if b { 1 } else { 0 } }
fn pair_of[T](x: T) -> Pair[T, T] { Pair { first: x, second: x } }

fn main() {
    let p = Pair { first: 1, second: true }
    let q = swap(p)
    print(q.first)
    print(q.second + 1)
    let mut r = pair_of((2, false))
    r.first = (3, true)
    print(r.first.0 + r.second.0)
    print(identity(identity(5)))
    print(twice(inc, 40))
    let id = identity
    print(id(false))
    let es = array(2, Left(3))
    es[1] = Right(true)
    for e in es { print(pick(e, inc, bool_code)) }
    let nested: Pair[Option[Pair[Int, String]], Either[Int, Bool]] = Pair { first: Some(Pair { first: 1, second: "one" }), second: Left(7) }
    match nested.first { Some(inner) => print(inner.second), None => print("none") }
    match nested.second { Left(n) => print(n), Right(_) => print(0) }
}
