record Point { x: Int, y: Int }
record Named { name: String, at: Point }

fn main() {
    let a = Point { x: 1, z: 2 }
    let b = Point { x: 1 }
    let c = Point { x: 1, x: 2, y: 3 }
    let d = Named { name: 5, at: Point { x: 0, y: true } }
    let e = Circle { r: 1 }
    let p = Point { x: 1, y: 2 }
    print(p.z)
    let t = (1, "two")
    print(t.2)
    print(t.name)
    let n = 5
    print(n.x)
    let q: Point = t
}
