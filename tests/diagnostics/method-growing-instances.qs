record Stack[T] { top: T, depth: Int }

impl[T] Stack[T] {
    fn up(self) -> Int {
        if self.depth == 0 { return 0 }
        let next = Stack { top: (self.top, self.top), depth: self.depth - 1 }
        next.up()
    }
}

fn main() {
    print(Stack { top: 1, depth: 3 }.up())
}
