record Point { x: Int, y: Int }

fn norm(self) -> Int { 0 }

fn main() {
    let p: Self = Point { x: 1, y: 2 }
    print(self.x)
}
