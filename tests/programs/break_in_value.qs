// break and continue inside blocks and ifs that are used as values.
fn main() {
    let mut i = 0
    let mut sum = 0
    while true {
        i += 1
        let x = if i % 2 == 0 { continue } else if i > 9 { break } else { i * 10 }
        sum += x
        print(x)
    }
    print(sum)
    print(i)
}
