// An Array[Bool] driven by standard input, for tests/byte-arrays.test.ts: each
// command is a line with its number, then its arguments' lines. `a` starts empty.
//   1 n b    a = array(n, b == 1), the old one freed; print len(a)
//   2 i      print a[i] (1 or 0; out of range panics)
//   3 i b    a[i] = b == 1 (out of range panics)
//   4        print how many elements of a are true
//   0        stop
fn main() {
    let mut a = array(0, false)
    while true {
        let op = read_int()
        if op == 0 { return }
        if op == 1 {
            let n = read_int()
            a = array(n, read_int() == 1)
            print(len(a))
        } else if op == 2 {
            if a[read_int()] { print(1) } else { print(0) }
        } else if op == 3 {
            let i = read_int()
            a[i] = read_int() == 1
        } else {
            let mut count = 0
            for k in 0..len(a) {
                if a[k] { count += 1 }
            }
            print(count)
        }
    }
}
