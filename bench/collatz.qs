// collatz: the starting number below one million with the longest Collatz
// chain, and that chain's length (numbers in it, the start and the final 1
// included). No value overflows: the largest one reached is about 5.7e10.
fn main() {
    let mut best = 1
    let mut bestLength = 1
    for start in 1..1_000_000 {
        let mut n = start
        let mut length = 1
        while n != 1 {
            if n % 2 == 0 { n = n / 2 } else { n = 3 * n + 1 }
            length += 1
        }
        if length > bestLength {
            best = start
            bestLength = length
        }
    }
    print(best)
    print(bestLength)
}
