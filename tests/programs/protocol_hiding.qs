// A program's own Show and Ord hide the prelude's in the program: its impls
// are of its own protocols (its Show gives an Int), while `==`, `<` and the
// prelude's max still mean the prelude's Eq and Ord.

protocol Show { fn show(self) -> Int }
protocol Ord { fn cmp(self, other: Self) -> Bool }

record P { x: Int }

impl Show for P { fn show(self) -> Int { self.x } }
impl Ord for P { fn cmp(self, other: P) -> Bool { self.x < other.x } }

impl P {
    // Self is P here.
    fn twin(self) -> Self {
        let q: Self = self
        P { x: q.x * 2 }
    }
}

union Color { Red, Green }

impl Eq for Color {
    fn eq(self, other: Color) -> Bool {
        match (self, other) {
            (Red, Red) => true,
            (Green, Green) => true,
            _ => false,
        }
    }
}

fn same[T: Eq](a: T, b: T) -> Bool { a == b }

fn main() {
    let p = P { x: 21 }
    print(p.twin().show())
    print(p.cmp(p.twin()))
    print(Red == Red)
    print(Red != Green)
    print(same(Green, Red))
    print(same("a", "a"))
    print(max(2, 5))
    print(max("b", "ab"))
}
