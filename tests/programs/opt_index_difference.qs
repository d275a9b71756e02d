// An index that is the difference of two loop counters is in range only
// while j <= i: drop-checks-in-range may drop the check in the first loop
// (its range is [0, i]) but must keep it in the second, where a[i - j]
// with j > i is out of bounds: the program panics there, as at --opt 0.
fn main() {
    let a = array(5, 0)
    for k in 0..5 { a[k] = k * k }
    let mut s = 0
    for i in 0..5 {
        for j in 0..i + 1 { s = s + a[i - j] }
        print(s)
    }
    for i in 0..5 {
        for j in 0..5 { s = s + a[i - j] }
        print(s)
    }
}
