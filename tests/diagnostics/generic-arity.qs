union Maybe[T] { Just(value: T), Nothing }
record Pair[A, A] { first: A, second: A }
record Box2[Int] { x: Int }
fn f(x: Maybe) -> Maybe[Int, Bool] { Nothing }
fn g[T](x: T[Int]) -> Int[Bool] { 1 }
fn h(p: Pair[Int]) { }
fn main() { }
