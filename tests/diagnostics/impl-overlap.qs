protocol Describe { fn describe(self) -> String }
record Pair[A, B] { first: A, second: B }

impl Describe for Pair[Int, Bool] { fn describe(self) -> String { "one" } }
impl[T] Describe for Pair[Int, T] { fn describe(self) -> String { "all" } }
impl Describe for Pair[Int, Bool] { fn describe(self) -> String { "again" } }
impl[A] Describe for (A, A) { fn describe(self) -> String { "same" } }
impl[B] Describe for (Int, B) { fn describe(self) -> String { "int first" } }
impl[T] Pair[T, String] { fn size(self) -> Int { 1 } }
impl Pair[Bool, String] { fn size(self) -> Int { 2 } }

fn tell[T: Describe](x: T) -> String { x.describe() }

fn main() {
    print(tell(Pair { first: "x", second: 1 }))
}
