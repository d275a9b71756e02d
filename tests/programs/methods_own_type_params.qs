// Methods with type parameters of their own, which each call infers as a
// generic function's: `map[U]` on a generic Stack, used at two instances of
// the Stack and two of U; a bound on a method's own parameter; and a method
// with its own parameters calling another one.

union Stack[T] { Empty, Push(top: T, rest: Stack[T]) }

impl[T] Stack[T] {
    fn map[U](self, f: fn(T) -> U) -> Stack[U] {
        match self { Empty => Empty, Push(x, rest) => Push(f(x), rest.map(f)) }
    }
    fn fold[A](self, start: A, f: fn(A, T) -> A) -> A {
        match self { Empty => start, Push(x, rest) => rest.fold(f(start, x), f) }
    }
    fn size(self) -> Int { self.fold(0, fn(n: Int, x: T) -> Int { n + 1 }) }
    fn pair_with[U](self, other: U) -> Stack[(T, U)] { self.map(fn(x: T) -> (T, U) { (x, other) }) }
}

record Counter { n: Int }

impl Counter {
    fn describe[T: Show](self, x: T) -> String { x.show() + " #" + self.n.show() }
}

fn main() {
    let s: Stack[Int] = Push(1, Push(2, Push(3, Empty)))
    let doubled = s.map(fn(x: Int) -> Int { x * 2 })
    print(doubled.fold(0, fn(a: Int, x: Int) -> Int { a + x }))
    let words = s.map(fn(x: Int) -> String { "w" + x.show() })
    print(words.fold("", fn(a: String, x: String) -> String { a + x }))
    let flags = words.map(fn(w: String) -> Bool { len(w) == 2 })
    print(flags.size())
    let pairs = s.pair_with(true)
    print(pairs.fold(0, fn(a: Int, p: (Int, Bool)) -> Int { if p.1 { a + p.0 } else { a } }))
    let c = Counter { n: 7 }
    print(c.describe(42))
    print(c.describe("hi"))
    print(c.describe(false))
}
