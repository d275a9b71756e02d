// loops: integer-only nested loops that use + - * / % & | ^ << >>.
// x is a 64-bit linear congruential generator: its multiply wraps modulo 2^64,
// and so may sum. loops.c is the same program in C.
fn main() {
    let mut x = 88172645463325252
    let mut sum = 0
    for i in 0..10000 {
        for j in 1..10000 {
            x = x * 6364136223846793005 + 1442695040888963407
            let a = x >> 29
            let d = ((i ^ j) & 255) + 1
            sum = sum + a / d - a % (j | 1)
            sum = sum ^ (a << (j & 15))
        }
    }
    print(sum)
    print(x)
}
