// Output produced before a panic is all written: here from nested loops.
fn main() {
    for i in 0..3 {
        for j in 0..3 {
            print(i * 3 + j)
        }
    }
    let limit = 9
    let mut k = 0
    while true {
        assert(k < limit - 7)
        print(k)
        k += 1
    }
}
