// matrix: the product c = a * b of two 500 x 500 Int matrices, each stored
// row by row in an Array[Int] of 250,000 elements (element (i, j) at i*n + j),
// filled with small numbers that depend only on i and j. Prints the sum of
// c's elements and a checksum that also weighs each element by its position.
// matrix.c is the same program in C.
fn main() {
    let n = 500
    let a = array(n * n, 0)
    let b = array(n * n, 0)
    let c = array(n * n, 0)
    for i in 0..n {
        for j in 0..n {
            a[i * n + j] = (i * 7 + j * 3) % 10
            b[i * n + j] = (i * 5 + j * 11 + 1) % 10
        }
    }
    for i in 0..n {
        for j in 0..n {
            let mut s = 0
            for k in 0..n {
                s += a[i * n + k] * b[k * n + j]
            }
            c[i * n + j] = s
        }
    }
    let mut sum = 0
    let mut check = 0
    for k in 0..len(c) {
        sum += c[k]
        check = check * 31 + c[k]
    }
    print(sum)
    print(check)
}
