// Collatz: the number of steps to reach 1, for a few starting values.
fn main() {
    for start in 1..11 {
        let mut n = start
        let mut steps = 0
        while n != 1 {
            if n % 2 == 0 { n = n / 2 } else { n = 3 * n + 1 }
            steps += 1
        }
        print(steps)
    }
    let mut n = 27
    let mut steps = 0
    let mut peak = n
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 }
        if n > peak { peak = n }
        steps += 1
    }
    print(steps)
    print(peak)
}
