protocol Shape {
    fn area(self) -> Int
    fn name(self) -> String
}

record Square { side: Int }
record Circle { r: Int }

impl Shape for Square {
    fn area(self) -> Int { self.side * self.side }
}

impl Shape for Circle {
    fn area(self, scale: Int) -> Int { 3 * self.r * self.r * scale }
    fn name(self) -> Bool { true }
    fn radius(self) -> Int { self.r }
}

impl Square {
    fn grow() -> Square { Square { side: 2 } }
}

fn main() {}
