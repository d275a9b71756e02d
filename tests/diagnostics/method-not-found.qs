record Point { x: Int, y: Int }

impl Point {
    fn norm1(self) -> Int { abs(self.x) + abs(self.y) }
    fn flip(self) -> Point { Point { x: self.y, y: self.x } }
}

fn shout[T: Show](x: T) -> String { x.shout() }

fn main() {
    let p = Point { x: 1, y: 2 }
    print(p.norm2())
    print(p.norm1(3))
    print((1, 2).show())
}
