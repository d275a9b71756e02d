// Generic records and functions without unions: one copy per list of type
// arguments (monomorphize), named by them: swap[Int, Bool], Pair[Int, Bool].
record Pair[A, B] { first: A, second: B }
record Wrap[T] { inner: T, tag: String }

fn swap[A, B](p: Pair[A, B]) -> Pair[B, A] { Pair { first: p.second, second: p.first } }
fn identity[T](x: T) -> T { x }
fn twice[T](f: fn(T) -> T, x: T) -> T { f(f(x)) }
fn pair_of[T](x: T) -> Pair[T, T] { Pair { first: x, second: x } }
fn wrap[T](x: T, tag: String) -> Wrap[T] { Wrap { inner: x, tag: tag } }
// Generic functions calling each other, at the same and at other type arguments.
fn swap_twice[A, B](p: Pair[A, B]) -> Pair[A, B] { swap(swap(p)) }
fn count_down[T](x: T, n: Int) -> T { if n == 0 { x } else { count_down(identity(x), n - 1) } }
fn inc(x: Int) -> Int { x + 1 }
fn shout(s: String) -> String { s + "!" }

fn main() {
    let p = Pair { first: 1, second: true }
    let q = swap(p)
    print(q.first)
    print(q.second + 1)
    let mut r = pair_of((2, false))
    r.first = (3, true)
    print(r.first.0 + r.second.0)
    print(r.first.1)
    print(identity(identity(5)))
    print(identity("same"))
    print(twice(inc, 40))
    print(twice(shout, "hey"))
    let id = identity
    print(id(false))
    let w = wrap(wrap(Pair { first: "a", second: 7 }, "inner"), "outer")
    print(w.tag)
    print(w.inner.tag)
    print(w.inner.inner.first)
    print(w.inner.inner.second)
    let back = swap_twice(Pair { first: "x", second: array(3, 9) })
    print(len(back.second))
    print(count_down(42, 5))
    let boxes = pair_of(Box(1))
    boxes.first.set(2)
    print(boxes.second.get())
}
