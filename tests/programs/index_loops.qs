// Loops over indices whose checks the optimiser drops (spec/optimisations.md,
// drop-checks-in-range and drop-checks-below-length): each index is proved in
// range, so --opt 1 prints the same as --opt 0 without checking them.
fn total(a: Array[Int]) -> Int {
    let mut s = 0
    for i in 0..len(a) { s += a[i] }
    for x in a { s += x }
    let mut j = 0
    while j < len(a) {
        s += a[j]
        j += 1
    }
    let mut k = len(a) - 1
    while k >= 0 {
        s += a[k] * k
        k -= 1
    }
    s
}

fn main() {
    let n = 6
    let m = array(n * n, 0)
    for i in 0..n {
        for j in 0..n { m[i * n + j] = i * 10 + j }
    }
    let mut trace = 0
    for i in 0..n { trace += m[i * n + i] }
    print(trace)
    let mut even = 0
    let mut i = 0
    while i < 36 {
        even += m[i]
        i += 2
    }
    print(even)
    print(total(m))
    print(total(array(0, 5)))
    print(total(array(read_int(), 3)))
}
