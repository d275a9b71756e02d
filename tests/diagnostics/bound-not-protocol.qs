record Point { x: Int, y: Int }

fn first[T: Point](a: T, b: T) -> T { a }

fn second[T: Sortable](a: T, b: T) -> T { b }

impl Sortable for Point {
    fn sorted(self) -> Bool { true }
}

fn main() {}
