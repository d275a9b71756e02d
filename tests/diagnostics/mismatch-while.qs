fn main() {
    let mut n = 10
    while n { n -= 1 }
    for i in 0..(n > 3) { print(i) }
}
