// Which start below LIMIT has the longest Collatz chain, and how long is it?
const LIMIT: Int = 10_000

fn main() {
    let mut best = 0
    let mut best_start = 0
    for start in 1..LIMIT {
        let mut n = start
        let mut steps = 0
        while n != 1 {
            if n % 2 == 0 { n = n / 2 } else { n = 3 * n + 1 }
            steps += 1
        }
        if steps > best {
            best = steps
            best_start = start
        }
    }
    print(best_start)   // 6171
    print(best)         // 261
}
