// Greatest common divisor by Euclid's algorithm, with remainders.
fn main() {
    let pairs = 5
    for k in 0..pairs {
        let mut a = read_int()
        let mut b = read_int()
        while b != 0 {
            let t = a % b
            a = b
            b = t
        }
        if a < 0 { a = -a }
        print(a)
    }
}
