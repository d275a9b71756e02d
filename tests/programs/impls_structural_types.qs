// Impls for tuples, arrays, boxes and function types, and through a tuple
// alias (an impl for an alias is one for the type it names). The program
// declares the protocols, as an impl for a type it does not declare needs.

protocol Describe { fn describe(self) -> String }
protocol Sum { fn sum(self) -> Int }
protocol Counter { fn bump(self) -> Int }
protocol Twice { fn twice(self, x: Int) -> Int }

impl Describe for (Int, Bool) {
    fn describe(self) -> String { "(" + self.0.show() + ", " + self.1.show() + ")" }
}

// A generic impl for every pair whose parts have Describe.
impl Describe for Int { fn describe(self) -> String { self.show() } }
impl[A: Describe, B: Describe] Describe for (A, B, Int) {
    fn describe(self) -> String { "<" + self.0.describe() + " " + self.1.describe() + " " + self.2.show() + ">" }
}

impl Sum for Array[Int] {
    fn sum(self) -> Int {
        let mut total = 0
        for x in self { total += x }
        total
    }
}

impl[T: Sum] Sum for Box[T] { fn sum(self) -> Int { self.get().sum() } }

impl Counter for Box[Int] {
    fn bump(self) -> Int {
        self.set(self.get() + 1)
        self.get()
    }
}

impl Twice for fn(Int) -> Int {
    fn twice(self, x: Int) -> Int { self(self(x)) }
}

type Point = (Int, Int)

protocol Name { fn name(self) -> String }
impl Name for Point { fn name(self) -> String { self.0.show() + ":" + self.1.show() } }

fn name_all[T: Name](xs: Array[T]) {
    for x in xs { print(x.name()) }
}

fn main() {
    print((3, true).describe())
    print((4, false).describe())
    print(((1, true), 7, 8).describe())
    print(array(4, 5).sum())
    let b = Box(array(3, 2))
    print(b.sum())
    let c = Box(41)
    print(c.bump())
    print(c.bump())
    let inc = fn(x: Int) -> Int { x + 1 }
    print(inc.twice(5))
    let p: Point = (1, 2)
    print(p.name())
    print((3, 4).name())
    let ps = array(2, p)
    ps[1] = (7, 8)
    name_all(ps)
}
