// The exit status is the code modulo 256, as the operating system reports it.
fn main() {
    print(1)
    exit(256 + 7)
}
