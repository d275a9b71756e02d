// read_int accepts the whole Int range and rejects what lies outside it.
fn main() {
    print(read_int())
    print(read_int())
    print(read_int())
}
