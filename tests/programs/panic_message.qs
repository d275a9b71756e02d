// panic prints `panic: <message>` on stderr and exits with status 101.
fn main() {
    let mut i = 0
    while i < 10 {
        print(i)
        if i == 3 { panic("stopped at three") }
        i += 1
    }
}
