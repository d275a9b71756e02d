record Point { x: Int, y: Int }

fn same[T](a: T, b: T) -> Bool { a == b }

fn less[T: Eq](a: T, b: T) -> Bool { a < b }

fn main() {
    let p = Point { x: 1, y: 2 }
    print(p == p)
    print(p < p)
}
