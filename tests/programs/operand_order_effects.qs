// Every kind of operand is evaluated left to right, side effects included
// (spec/language.md, "Evaluation order"): a variable read by an earlier
// operand keeps the value it had, and a later operand that changes an array
// or a Box (itself, or through a call) is seen only by what comes after it.
record Point { x: Int, y: Int }
record Named { name: String, n: Int }

fn add3(a: Int, b: Int, c: Int) -> Int { a * 100 + b * 10 + c }
fn bump(a: Array[Int]) -> Int {
    a[0] += 1
    a[0]
}
fn put(b: Box[Int], v: Int) -> Int {
    b.set(v)
    0
}
fn pair(t: (Int, Int)) -> Int { t.0 * 10 + t.1 }

fn main() {
    let mut x = 1
    print(add3(x, { x = 2; x }, x))
    print(pair((x, { x = 3; x })))
    let p = Point { x: x, y: { x = 4; x } }
    print(p.x * 10 + p.y)
    let a = array(2, 7)
    print(a[0] + bump(a))
    print(a[0])
    let b = Box(5)
    print(b.get() + put(b, 9))
    print(b.get())
    let mut s = "ab"
    let s2 = s + { s = "cd"; "!" }
    print(s2)
    print(s == { s = "ab"; "ab" })
    let mut n = 2
    let arr = array(n, { n = 5; n })
    print(len(arr))
    print(arr[1])
    let mut lo = 0
    for i in lo..({ lo = 2; 3 }) {
        print(i)
    }
    let mut bx = Box(1)
    let keep = bx
    bx.set({ bx = Box(0); 8 })
    print(keep.get())
    print(bx.get())
    let mut t = (1, 2)
    t.1 = { t = (30, 40); 5 }
    print(t.0)
    print(t.1)
    let mut q = Point { x: 1, y: 2 }
    q.y -= { q = Point { x: 9, y: 9 }; 1 }
    print(q.x)
    print(q.y)
    let mut flag = true
    print(flag != { flag = false; true })
    let mut k = 10
    print(k > { k = 0; 5 })
    let mut name = "old"
    let nm = Named { n: { name = "new"; 1 }, name: name }
    print(nm.name)
    let nm2 = Named { name: name, n: { name = "newer"; 2 } }
    print(nm2.name)
    let mut grid = array(2, array(2, 0))
    let mut r = 0
    grid[r][r] = { r = 1; 6 }
    print(grid[0][0])
    print(grid[1][1])
}
