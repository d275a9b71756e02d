// calls8: 50 million calls of a function of eight arguments (all in
// registers on both targets), summed so that no call can be skipped.
// calls8.c is the same program in C.
fn mix(a: Int, b: Int, c: Int, d: Int, e: Int, f: Int, g: Int, h: Int) -> Int {
    (a ^ b) + (c & d) - (e | f) + g * h
}

fn main() {
    let mut sum = 0
    for i in 0..50_000_000 {
        sum = sum + mix(i, sum, i + 1, 255, i & 7, 3, i, 5)
    }
    print(sum)
}
