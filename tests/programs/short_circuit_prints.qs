// The right operand of && and || prints only when it is evaluated.
fn main() {
    let mut i = 0
    while i < 4 {
        let r = i % 2 == 0 && { print(i * 10); i > 1 }
        let s = i > 2 || { print(i * 100); false }
        print(r)
        print(s)
        i += 1
    }
}
