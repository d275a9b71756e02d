// Sums and differences of products, which AArch64 computes with one madd or
// msub (fuse-multiply-add), and the cases where it must not: an operand
// written between the product and the sum, a product read twice, a product
// that wraps.
fn dot(a: Array[Int], b: Array[Int]) -> Int {
    let mut s = 0
    for k in 0..len(a) {
        s += a[k] * b[k]
    }
    return s
}

fn less_product(a: Int, b: Int, c: Int) -> Int {
    return a - b * c
}

fn moved_operand(a0: Int, b: Int, c: Int) -> Int {
    let mut a = a0
    let p = a * b
    a = a + 1
    return c + p + a
}

fn taken_twice(a: Int, b: Int, c: Int) -> Int {
    let p = a * b
    return (c + p) * (c - p)
}

fn main() {
    let a = array(5, 0)
    let b = array(5, 0)
    for k in 0..5 {
        a[k] = k + 1
        b[k] = 10 * (k + 1)
    }
    let d = dot(a, b)
    print(d)
    // v is 11, known only once the arrays are read: no call below is folded away
    let v = d / 50
    print(less_product(100 * v, v - 4, v - 2))
    print(less_product(-5 * v, -v, 4))
    print(moved_operand(v - 5, v - 4, 1000 * v))
    print(taken_twice(v - 8, v - 7, 2 * v))
    // x * m + i wraps modulo 2^64, as the separate mul and add do
    let mut x = 88172645463325252
    for i in 0..5 {
        x = x * 6364136223846793005 + 1442695040888963407
        print(x)
    }
    let mut y = 9223372036854775807
    y = 17 - y * 3
    print(y)
}
