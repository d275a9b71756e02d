// read_int panics with `bad input` at the end of the input.
fn main() {
    let mut total = 0
    while true {
        total += read_int()
        print(total)
    }
}
