// An impl for one instance of a generic type: `impl Describe for Pair[Int, Bool]`
// is for that Pair only, and `Pair[String, Int]` has an impl of its own. A
// generic function bounded by Describe takes both; a Pair of any other types
// has no impl (tests/diagnostics/impl-overlap.qs).

protocol Describe { fn describe(self) -> String }

record Pair[A, B] { first: A, second: B }

impl Describe for Pair[Int, Bool] {
    fn describe(self) -> String { "number " + self.first.show() + (if self.second { " yes" } else { " no" }) }
}

impl Describe for Pair[String, Int] {
    fn describe(self) -> String { "name " + self.first + " " + self.second.show() }
}

union Maybe[T] { Nothing, Just(value: T) }

impl Describe for Maybe[Int] {
    fn describe(self) -> String { match self { Nothing => "nothing", Just(v) => "just " + v.show() } }
}

impl Maybe[String] {
    fn size(self) -> Int { match self { Nothing => 0, Just(s) => len(s) } }
}

fn tell[T: Describe](x: T) { print(x.describe()) }

fn main() {
    tell(Pair { first: 1, second: true })
    tell(Pair { first: "ada", second: 36 })
    print(Pair { first: 2, second: false }.describe())
    let j: Maybe[Int] = Just(4)
    tell(j)
    let n: Maybe[Int] = Nothing
    tell(n)
    let s: Maybe[String] = Just("four")
    print(s.size())
}
