// A range with no end, as some languages allow.
fn main() {
    for i in 0.. {
        print(i)
    }
}
