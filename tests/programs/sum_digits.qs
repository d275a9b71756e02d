// Sum of decimal digits, counting digits, and reversing a number.
fn main() {
    let mut n = read_int()
    while n != 0 {
        let mut m = n
        if m < 0 { m = -m }
        let mut sum = 0
        let mut digits = 0
        let mut reversed = 0
        while m > 0 {
            sum += m % 10
            reversed = reversed * 10 + m % 10
            m /= 10
            digits += 1
        }
        print(sum)
        print(digits)
        print(reversed)
        n = read_int()
    }
}
