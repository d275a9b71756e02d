// Arrays are shared: a copy of an array is another name for the same one.
fn fill(a: Array[Int], v: Int) {
    for i in 0..len(a) { a[i] = v + i }
}

fn sum(a: Array[Int]) -> Int {
    let mut s = 0
    for x in a { s += x }
    s
}

fn main() {
    let a = array(4, 0)
    let b = a
    fill(b, 10)
    print(sum(a))
    a[0] *= 3
    print(b[0])
    let rows = array(3, a)
    rows[1][2] = -5
    print(a[2])
    print(sum(rows[0]) + sum(rows[2]))
    let fresh = array(2, array(2, 7))
    fresh[0] = array(2, 1)
    print(fresh[0][0] + fresh[1][0])
    print(len(array(0, "never")))
}
