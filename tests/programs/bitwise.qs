// Bitwise & | ^ ~ on Ints and logical & | ^ on Bools; & binds tighter than ^, ^ than |.
fn main() {
    print(12 & 10)
    print(12 | 10)
    print(12 ^ 10)
    print(~0)
    print(~5)
    print(-1 & 255)
    print(-256 | 15)
    print(-1 ^ 1)
    print(1 | 2 ^ 3 & 6)
    print(true & false)
    print(true | false)
    print(true ^ true)
    print(false ^ true)
    let x = 0x0f0f
    print(x & ~0xff)
}
