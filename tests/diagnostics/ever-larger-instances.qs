fn f[T](x: T) -> Int {
    if 1 > 2 { f((x, x)) } else { 0 }
}
fn even[T](x: T, n: Int) -> Int { if n == 0 { 0 } else { odd(Some(x), n - 1) } }
fn odd[T](x: T, n: Int) -> Int { if n == 0 { 1 } else { even(x, n - 1) } }
union Nest[T] { Flat(x: T), Deeper(n: Nest[(T, T)]) }
// Fine: the same instance again, or smaller ones.
fn g[T](x: T, n: Int) -> T { if n == 0 { x } else { g(x, n - 1) } }
fn h[A, B](a: A, b: B, n: Int) -> Int { if n == 0 { 0 } else { h(b, a, n - 1) } }
union List[T] { Nil, Cons(head: T, tail: List[T]) }
fn main() {
    print(f(1) + even(1, 3) + g(1, 2) + h(1, true, 3))
}
