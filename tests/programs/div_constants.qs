// Division and remainder by constant divisors (1, -1, 2, 7, -7), which the
// back ends know at compile time: no zero check, and no idivq for -1 on x86-64.
const MIN: Int = -9223372036854775808
const MAX: Int = 9223372036854775807
fn main() {
    let pos = 17
    let neg = -17
    let zero = 0
    let min = MIN
    let max = MAX
    print(pos / 1)
    print(neg % 1)
    print(pos / -1)
    print(neg / -1)
    print(pos % -1)
    print(neg % -1)
    print(min / -1)
    print(min % -1)
    print(max / -1)
    print(pos / 2)
    print(neg / 2)
    print(pos % 2)
    print(neg % 2)
    print(pos / 7)
    print(neg / 7)
    print(pos % 7)
    print(neg % 7)
    print(pos / -7)
    print(neg / -7)
    print(pos % -7)
    print(neg % -7)
    print(zero / -7)
    print(zero % 7)
    print(min / 7)
    print(min % 7)
    print(max / -7)
    print(max % -7)
    print(min / 2)
    print(min % -2)
}
