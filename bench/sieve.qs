// sieve: the sieve of Eratosthenes up to 2,000,000, run 30 times, each time on
// a new Array[Bool] of 2,000,001 elements, freed when the next one replaces
// it. Prints the number of primes up to 2,000,000 (148933) and the sum of the
// 30 counts. sieve.c is the same program in C.
fn main() {
    let n = 2_000_000
    let mut count = 0
    let mut total = 0
    for round in 0..30 {
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
        count = 0
        for k in 0..len(a) {
            if a[k] { count += 1 }
        }
        total += count
    }
    print(count)
    print(total)
}
