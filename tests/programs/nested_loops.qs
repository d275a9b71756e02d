// break and continue leave or restart only the innermost loop.
fn main() {
    let mut i = 0
    while i < 4 {
        i += 1
        let mut j = 0
        while true {
            j += 1
            if j == i { continue }
            if j > 3 { break }
            print(i * 10 + j)
        }
        if i == 3 { continue }
        print(-i)
    }
    let mut count = 0
    for a in 0..5 {
        for b in 0..5 {
            if b > a { break }
            if (a + b) % 2 == 1 { continue }
            count += 1
        }
    }
    print(count)
}
