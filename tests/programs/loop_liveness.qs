// Liveness needs several rounds over these loops: `keep` is read only after
// the outer loop, `total` and `carry` only in the next iteration, and
// a, b, c rotate, so what is live at the loop head grows round by round.
fn main() {
    let keep = read_int()
    let mut a = 1
    let mut b = 2
    let mut c = 3
    let mut carry = 0
    let mut total = 0
    let mut i = 0
    while i < 5 {
        total = total + carry
        let mut j = 0
        while j < 3 {
            let t = a
            a = b
            b = c
            c = t * 2 + j
            j += 1
        }
        carry = a + b + c
        i += 1
    }
    print(total)
    print(a)
    print(b)
    print(c)
    print(keep)
}
