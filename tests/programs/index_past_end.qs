// A check the optimiser must keep: a length kept in a variable goes stale
// when the array is replaced by a shorter one, so `i < n` no longer keeps
// a[i] in bounds; it panics at --opt 1 as at --opt 0. (upto's `i <= len(a) -
// 1` does keep it in bounds: that check goes.)
fn upto(a: Array[Int]) -> Int {
    let mut s = 0
    let mut i = 0
    while i <= len(a) - 1 {
        s += a[i]
        i += 1
    }
    s
}

fn main() {
    let mut a = array(4, 2)
    print(upto(a))
    let n = len(a)
    let mut i = 0
    while i < n {
        print(a[i])
        if i == 1 { a = array(2, 7) }
        i += 1
    }
}
