protocol Describe { fn describe(self) -> String }

impl[T] Describe for T { fn describe(self) -> String { "any" } }
impl[T, U] Describe for Array[T] { fn describe(self) -> String { "array" } }
impl (Int, Bool) { fn sum(self) -> Int { self.0 } }
impl[T] Array[T] { fn size(self) -> Int { len(self) } }
impl Show for (Int, Int) { fn show(self) -> String { "pair" } }
impl Describe for Box[Int] { fn describe(self) -> String { "box" } }

fn main() {
    print(Box(true).describe())
    print(array(2, 1).describe())
}
