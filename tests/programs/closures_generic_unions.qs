// Closures stored in unions and closures over generic values (issue 17 with
// the unions and generics of issue 16): closure conversion runs after
// monomorphize and compile-match, so a closure over a T is converted in each
// instance, and one inside a match arm or a union's field like any other.
union Shape { Circle(r: Int), Square(side: Int) }

union Handler { Quiet, Loud(say: fn(String) -> String) }

fn map_opt[T, U](o: Option[T], f: fn(T) -> U) -> Option[U] {
    match o { Some(v) => Some(f(v)), None => None }
}

fn const_fn[T](v: T) -> fn() -> T {
    fn() -> T { v }
}

fn compose[A, B, C](f: fn(A) -> B, g: fn(B) -> C) -> fn(A) -> C {
    fn(x: A) -> C { g(f(x)) }
}

fn area(s: Shape) -> Int {
    match s { Circle(r) => 3 * r * r, Square(side) => side * side }
}

fn run(h: Handler, text: String) -> String {
    match h { Quiet => text, Loud(say) => say(text) }
}

fn main() {
    let bonus = 10
    let boosted = map_opt(Some(Square(4)), fn(s: Shape) -> Int { area(s) + bonus })
    match boosted { Some(v) => print(v), None => print(-1) }
    let none: Option[Shape] = None
    match map_opt(none, fn(s: Shape) -> Int { area(s) }) { Some(v) => print(v), None => print(0) }

    let hello = const_fn("hello")
    let seven = const_fn(7)
    print(hello())
    print(seven() + 1)

    let exclaim = "!"
    let handlers = array(2, Quiet)
    handlers[1] = Loud(fn(s: String) -> String { s + exclaim })
    for h in handlers { print(run(h, "hi")) }

    let shout = compose(fn(s: Shape) -> Int { area(s) }, fn(n: Int) -> String { if n > 10 { "big" } else { "small" } })
    print(shout(Circle(2)))
    print(shout(Square(1)))
}
