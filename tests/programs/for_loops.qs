// for over half-open ranges: empty and reversed ranges run no iteration,
// negative bounds work, and the loop variable is a fresh binding each time.
fn main() {
    let mut sum = 0
    for i in 0..5 { sum += i }
    print(sum)
    for i in 3..3 { print(999) }
    for i in 5..2 { print(998) }
    for i in -3..1 { print(i) }
    let mut last = 0
    for i in 0..4 {
        let i = i * 10
        last = i
    }
    print(last)
    for i in 1..4 {
        for j in i..4 { print(i * 10 + j) }
    }
}
