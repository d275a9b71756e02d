// The primes below 60, by trial division, and how many there are.
fn main() {
    let mut count = 0
    for n in 2..60 {
        let mut prime = true
        let mut d = 2
        while d * d <= n {
            if n % d == 0 {
                prime = false
                break
            }
            d += 1
        }
        if prime {
            print(n)
            count += 1
        }
    }
    print(count)
}
