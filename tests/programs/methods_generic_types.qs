// Methods on records and unions, generic ones included: `self`, `Self`,
// methods calling methods, several impl blocks per type, and a method and a
// free function of the same name.

record Point { x: Int, y: Int }

impl Point {
    fn norm1(self) -> Int { abs(self.x) + abs(self.y) }
    fn plus(self, other: Self) -> Self { Point { x: self.x + other.x, y: self.y + other.y } }
}

impl Point {
    fn scaled(self, k: Int) -> Point { Point { x: self.x * k, y: self.y * k } }
    // A method calling methods of its own type.
    fn far(self) -> Bool { self.scaled(2).norm1() > 10 }
}

// A free function may share a method's name.
fn norm1(x: Int, y: Int) -> Int { abs(x) + abs(y) }

record Pair[A, B] { first: A, second: B }

impl[A, B] Pair[A, B] {
    fn swap(self) -> Pair[B, A] { Pair { first: self.second, second: self.first } }
    fn left(self) -> A { self.first }
}

union List[T] { Nil, Cons(head: T, tail: List[T]) }

impl[T] List[T] {
    fn push(self, x: T) -> List[T] { Cons(x, self) }
    fn length(self) -> Int {
        match self {
            Nil => 0,
            Cons(_, rest) => 1 + rest.length(),
        }
    }
    fn first_or(self, default: T) -> T {
        match self {
            Nil => default,
            Cons(x, _) => x,
        }
    }
}

// A generic function calling methods of a generic type at its own parameter.
fn count_twice[T](xs: List[T], x: T) -> Int { xs.push(x).push(x).length() }

fn main() {
    let p = Point { x: 3, y: -4 }
    print(p.norm1())
    print(p.plus(Point { x: 1, y: 1 }).norm1())
    print(p.far())
    print(Point { x: 1, y: 1 }.far())
    print(norm1(-2, 5))
    let q = Pair { first: 7, second: "seven" }
    print(q.swap().first)
    print(q.swap().swap().left())
    print(Pair { first: true, second: 0 }.swap().second)
    let mut xs: List[Int] = Nil
    for i in 0..5 { xs = xs.push(i * i) }
    print(xs.length())
    print(xs.first_or(-1))
    let words: List[String] = Nil
    print(words.first_or("empty"))
    print(words.push("a").push("b").first_or("empty"))
    print(count_twice(xs, 9))
    print(count_twice(words, "w"))
}
