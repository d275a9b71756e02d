// Closures and unions together (issue 17 on the unions of issue 16): closures
// stored in a union's fields and matched on, closures that capture union
// values (objects with fields, and immediates), closures over a generic T made
// in generic functions, converted in each instance after monomorphize. Every
// object made here, closures, their environments and the union values they
// hold, is freed: the leak check finds nothing live.
union List[T] { Nil, Cons(head: T, tail: List[T]) }

union Action { Stop, Step(by: Int), Apply(f: fn(Int) -> Int), Both(first: Action, then: Action) }

union Shape { Dot, Circle(r: Int), Rect(w: Int, h: Int) }

fn run(a: Action, x: Int) -> Int {
    match a {
        Stop => x,
        Step(n) => x + n,
        Apply(f) => f(x),
        Both(first, then) => run(then, run(first, x)),
    }
}

fn map_list[T, U](l: List[T], f: fn(T) -> U) -> List[U] {
    match l { Nil => Nil, Cons(h, t) => Cons(f(h), map_list(t, f)) }
}

fn fold[T, A](l: List[T], init: A, f: fn(A, T) -> A) -> A {
    match l { Nil => init, Cons(h, t) => fold(t, f(init, h), f) }
}

// A closure over a generic value: `v` is a T, a union's value or an Int.
fn always[T](v: T) -> fn() -> T { fn() -> T { v } }

// A closure over a generic list, made in a generic function and returned.
fn prepend_to[T](tail: List[T]) -> fn(T) -> List[T] { fn(h: T) -> List[T] { Cons(h, tail) } }

fn area(s: Shape) -> Int {
    match s { Dot => 0, Circle(r) => 3 * r * r, Rect(w, h) => w * h }
}

fn range(from: Int, to: Int) -> List[Int] {
    if from >= to { Nil } else { Cons(from, range(from + 1, to)) }
}

fn show(l: List[Int]) -> String {
    match l { Nil => "", Cons(h, Nil) => to_string(h), Cons(h, t) => to_string(h) + " " + show(t) }
}

fn to_string(n: Int) -> String {
    if n < 0 { "-" + to_string(-n) } else if n < 10 { digit(n) } else { to_string(n / 10) + digit(n % 10) }
}

fn digit(d: Int) -> String {
    let digits = array(10, "0")
    digits[1] = "1"; digits[2] = "2"; digits[3] = "3"; digits[4] = "4"
    digits[5] = "5"; digits[6] = "6"; digits[7] = "7"; digits[8] = "8"; digits[9] = "9"
    digits[d]
}

fn main() {
    // Closures stored in unions, matched on.
    let k = 7
    let double = Apply(fn(x: Int) -> Int { x * 2 })
    let plus_k = Apply(fn(x: Int) -> Int { x + k })
    let program = Both(double, Both(Step(1), Both(plus_k, Stop)))
    print(run(program, 5))
    let actions = array(3, Stop)
    actions[1] = plus_k
    actions[2] = Both(plus_k, double)
    for a in actions { print(run(a, 10)) }

    // Closures that capture union values: an object with fields, an immediate, a list.
    let shapes = Cons(Rect(2, 3), Cons(Dot, Cons(Circle(2), Nil)))
    let big = Circle(10)
    let nothing = Dot
    let bigger_than_big = fn(s: Shape) -> Bool { area(s) > area(big) }
    let is_nothing = fn(s: Shape) -> Bool { area(s) == area(nothing) }
    let count = fold(shapes, 0, fn(n: Int, s: Shape) -> Int { if is_nothing(s) || bigger_than_big(s) { n + 1 } else { n } })
    print(count)
    let areas = map_list(shapes, fn(s: Shape) -> Int { area(s) + area(big) })
    print(show(areas))

    // Closures over generic values, made in generic functions.
    let the_list = always(range(1, 4))
    let the_shape = always(Rect(4, 5))
    let the_int = always(42)
    print(show(the_list()))
    print(area(the_shape()) + the_int())
    let push = prepend_to(range(0, 2))
    print(show(push(9)))
    let pushed_shapes = prepend_to(Cons(Dot, Nil))
    print(fold(pushed_shapes(Circle(1)), 0, fn(n: Int, s: Shape) -> Int { n + area(s) }))

    // A closure that captures a closure held in a union, returned through Option.
    let maybe_f: Option[fn(Int) -> Int] = Some(fn(x: Int) -> Int { x - k })
    let g = match maybe_f { Some(f) => fn(x: Int) -> Int { f(f(x)) }, None => fn(x: Int) -> Int { x } }
    print(g(100))
}
