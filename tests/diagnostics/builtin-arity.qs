fn main() {
    print(1, 2)
    print()
    let n = read_int(5)
    exit()
    assert(true, false)
}
