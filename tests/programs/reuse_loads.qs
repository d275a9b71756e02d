// Words read from memory twice: reuse-loads reads one again only when nothing
// can have changed it. Each function below has a second read that must see a
// new value (a store, a call, another way into the block, the base assigned)
// and one that may reuse the first (a match testing a union's tag in turn).
union Shape { Dot, Circle(r: Int), Square(s: Int), Rect(w: Int, h: Int) }

fn area(s: Shape) -> Int {
    match s {
        Dot => 0,
        Circle(r) => 3 * r * r,
        Square(k) => k * k,
        Rect(w, h) => w * h,
    }
}

fn bump(a: Array[Int]) {
    a[1] = a[1] + 1000
}

// One way in loaded a[1]; the other stored there: the join reads it again.
fn joined(a: Array[Int], c: Bool) -> Int {
    let mut x = 0
    if c {
        x = a[1] * 2
    } else {
        a[1] = 100
    }
    return x + a[1]
}

// A store through another variable that names the same array.
fn aliased(a: Array[Int]) -> Int {
    let b = a
    let first = a[0]
    b[0] = first + 7
    return first + a[0]
}

// A call that writes the array between two reads.
fn called(a: Array[Int]) -> Int {
    let before = a[1]
    bump(a)
    return before + a[1]
}

// The base assigned between two reads of the "same" place.
fn moved(a: Array[Int], b: Array[Int]) -> Int {
    let mut p = a
    let x = p[2]
    p = b
    return x + p[2]
}

// Round a loop: each turn reads the word the turn before wrote.
fn looped(a: Array[Int]) -> Int {
    let mut s = 0
    for k in 0..4 {
        s += a[3]
        a[3] = a[3] * 2
    }
    return s
}

fn main() {
    let mut total = area(Dot)
    for k in 1..4 {
        total += area(Circle(k)) + area(Square(k + 1)) + area(Rect(k, k + 2))
    }
    print(total)
    let a = array(4, 0)
    for i in 0..4 {
        a[i] = i + 1
    }
    let b = array(4, 50)
    print(joined(a, true))
    print(joined(a, false))
    print(aliased(a))
    print(called(a))
    print(moved(a, b))
    print(looped(a))
}
