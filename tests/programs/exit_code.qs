// exit(n) ends the program at once with status n; output before it is kept.
fn main() {
    for i in 0..10 {
        print(i)
        if i == 2 { exit(42) }
    }
    print(100)
}
