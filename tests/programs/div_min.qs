// MIN / -1 is MIN and MIN % -1 is 0 (x86's idiv would trap: the compiled code must not).
const MIN: Int = -9223372036854775808
fn main() {
    print(MIN / -1)
    print(MIN % -1)
    let m = MIN
    let d = -1
    print(m / d)
    print(m % d)
    print(MIN / 1)
    print(MIN % 1)
    print(MIN / 2)
    print(MIN % 3)
    print(MIN / MIN)
    print((MIN + 1) / -1)
    // Divisors only known to be odd, which may be -1 (drop-division-checks drops the zero
    // check, and keeps x86-64's -1 guard); the array hides -2 from constant folding.
    let ds = array(1, -2)
    print(m / (ds[0] | 1))
    print(m % (ds[0] | 1))
}
