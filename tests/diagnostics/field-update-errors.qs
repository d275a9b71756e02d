record Point { x: Int, y: Int }

fn main() {
    let p = Point { x: 1, y: 2 }
    p.x = 3
    let mut q = Point { x: 1, y: 2 }
    q.z = 3
    q.y = "two"
    q.x += true
    let mut t = (1, 2)
    t.5 = 0
    let n = 4
    n[0] = 1
}
