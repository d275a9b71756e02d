// Power by repeated squaring, with wrapping multiplication.
fn main() {
    let bases = 4
    for k in 0..bases {
        let base = read_int()
        let exp = read_int()
        let mut result = 1
        let mut b = base
        let mut e = exp
        while e > 0 {
            if e & 1 == 1 { result *= b }
            b *= b
            e >>= 1
        }
        print(result)
    }
}
