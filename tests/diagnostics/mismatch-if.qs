fn main() {
    let n = read_int()
    if n { print(1) }
    let sign = if n < 0 { -1 } else if n == 0 { 0 } else { true }
    let v = if n > 0 { 1 } else { false }
}
