// read_int panics with `bad input` on a line that is not an integer.
fn main() {
    print(read_int())
    print(read_int())
    print(read_int())
}
