// Records are values: passed to functions, returned from them, copied by
// assignment; a field update of a mut variable changes only that variable.
record Point { x: Int, y: Int }
record Segment { from: Point, to: Point, name: String }

fn mid(s: Segment) -> Point {
    Point { x: (s.from.x + s.to.x) / 2, y: (s.from.y + s.to.y) / 2 }
}

fn moved(p: Point, dx: Int, dy: Int) -> Point {
    let mut q = p
    q.x += dx
    q.y = q.y + dy
    q
}

fn main() {
    let a = Point { x: 0, y: 0 }
    let b = moved(a, 10, 4)
    let s = Segment { name: "ab", to: b, from: a }
    let m = mid(s)
    print(m.x)
    print(m.y)
    let mut t = s
    t.to.x = 100
    t.name = t.name + "!"
    print(s.to.x)
    print(t.to.x)
    print(s.name)
    print(t.name)
    print(mid(t).x)
}
