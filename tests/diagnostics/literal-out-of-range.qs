fn main() {
    let smallest = -9223372036854775808
    let too_big = 9223372036854775808
    let too_small = -9223372036854775809
    let spaced = - 9223372036854775808
    print(smallest)
}
