// Arrays of Bool are arrays of bytes (spec/heap.md): a small sieve, an empty
// array, one longer than a page, elements next to each other written apart, and
// an array of Bool inside an array.
fn sieve(n: Int) -> Array[Bool] {
    let a = array(n + 1, true)
    a[0] = false
    a[1] = false
    let mut i = 2
    while i * i <= n {
        if a[i] {
            let mut j = i * i
            while j <= n {
                a[j] = false
                j += i
            }
        }
        i += 1
    }
    a
}

fn count(a: Array[Bool]) -> Int {
    let mut c = 0
    for x in a {
        if x { c += 1 }
    }
    c
}

fn main() {
    let primes = sieve(100)
    for k in 0..30 {
        if primes[k] { print(k) }
    }
    print(count(primes))
    let empty = array(0, true)
    print(len(empty))
    print(count(empty))
    let big = array(10_000, false)
    big[9_999] = true
    big[4_096] = true
    big[4_097] = big[4_096]
    big[4_096] = false
    print(count(big))
    print(big[4_097])
    print(big[4_096])
    let rows = array(3, array(2, false))
    rows[1] = array(5, true)
    rows[1][4] = false
    print(count(rows[0]) + count(rows[1]) * 10)
}
