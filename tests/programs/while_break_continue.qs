// while with break and continue.
fn main() {
    let mut i = 0
    let mut sum = 0
    while true {
        i += 1
        if i > 10 { break }
        if i % 3 == 0 { continue }
        sum += i
        print(i)
    }
    print(sum)
    let mut n = 0
    while n < 5 { n += 2 }
    print(n)
    while false { print(999) }
}
