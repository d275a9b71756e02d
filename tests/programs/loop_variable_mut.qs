// A loop that counts down, one that doubles, and the counters' final values.
fn main() {
    let mut n = 10
    while n > 0 {
        print(n)
        n -= 3
    }
    print(n)
    let mut p = 1
    let mut k = 0
    while p < 1000 {
        p *= 2
        k += 1
    }
    print(p)
    print(k)
    let mut overflowed = 1
    let mut doublings = 0
    while overflowed > 0 {
        overflowed <<= 1
        doublings += 1
    }
    print(overflowed)
    print(doublings)
}
