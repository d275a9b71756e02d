// Integer square root by binary search, with a division to avoid overflow.
fn main() {
    let values = 7
    for k in 0..values {
        let n = read_int()
        let mut lo = 0
        let mut hi = if n < 3037000499 { n + 1 } else { 3037000500 }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if mid <= n / mid { lo = mid } else { hi = mid }
        }
        print(lo)
    }
}
