record Point { x: Int, y: Int }

fn describe[T: Show](x: T) -> String { x.show() }

fn both[T: Ord + Show](a: T, b: T) -> String { max(a, b).show() }

fn main() {
    print(describe(3))
    print(describe(Point { x: 1, y: 2 }))
    print(both(true, false))
    print(both(Point { x: 1, y: 2 }, Point { x: 3, y: 4 }))
}
