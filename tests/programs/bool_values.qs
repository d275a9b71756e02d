// Bool variables, operators on them, and printing Bools.
fn main() {
    let t: Bool = true
    let f = !t
    print(t)
    print(f)
    let mut flag = false
    for i in 0..5 {
        flag = !flag
        print(flag)
    }
    let both = t && f
    let either = t || f
    let differ = t != f
    print(both)
    print(either)
    print(differ)
    print(t == !f)
    let mut count = 0
    let mut b = true
    while b {
        count += 1
        b = count < 3
    }
    print(count)
}
