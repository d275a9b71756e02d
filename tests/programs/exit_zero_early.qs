// exit(0) from inside nested loops is a normal end that skips the rest.
fn main() {
    let mut i = 0
    while true {
        for j in 0..3 {
            if i * 3 + j == 7 { exit(0) }
            print(i * 3 + j)
        }
        i += 1
    }
}
