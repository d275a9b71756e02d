// Division and remainder by variables, with every combination of signs;
// a variable divisor of -1 must not trap on x86-64, also for MIN.
const MIN: Int = -9223372036854775808
fn main() {
    let a = 17
    let b = 5
    let na = -a
    let nb = -b
    print(a / b)
    print(a % b)
    print(na / b)
    print(na % b)
    print(a / nb)
    print(a % nb)
    print(na / nb)
    print(na % nb)
    let one = 1
    let minus_one = -1
    let min = MIN
    print(a / one)
    print(na % one)
    print(a / minus_one)
    print(na / minus_one)
    print(a % minus_one)
    print(min / minus_one)
    print(min % minus_one)
    print(min / one)
    print(min % nb)
    print(b / a)
    print(nb % a)
    print(min / min)
    print(min % min)
}
