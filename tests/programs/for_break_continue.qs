// continue moves on to the next value; break leaves the for loop.
fn main() {
    for i in 0..10 {
        if i % 2 == 1 { continue }
        if i == 8 { break }
        print(i)
    }
    let mut found = -1
    for i in 2..100 {
        if i * i > 50 {
            found = i
            break
        }
    }
    print(found)
}
