// Reading past the end of an array panics, after the output before it.
fn main() {
    let a = array(3, 1)
    let mut i = 0
    while true {
        print(a[i])
        i += 1
    }
}
