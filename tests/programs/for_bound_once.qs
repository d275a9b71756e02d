// The bounds of a for loop are evaluated once, before the first iteration,
// left to right; changing their variables in the body changes nothing.
fn main() {
    let mut n = 3
    for i in ({ print(-1); 0 })..({ print(-2); n }) {
        n += 10
        print(i)
    }
    print(n)
    let mut k = 2
    for i in 0..k {
        k = 0
        print(i + 100)
    }
}
