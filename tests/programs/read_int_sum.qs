// read_int reads one line each: several lines, negative numbers, spaces around.
fn main() {
    let n = read_int()
    let mut sum = 0
    for i in 0..n {
        let x = read_int()
        sum += x
        print(x * 2)
    }
    print(sum)
}
