// Integer literal forms: decimal, hex, binary, underscores, and the extremes.
fn main() {
    print(0)
    print(1_000_000_000)
    print(0x7fffffffffffffff)
    print(0xDEAD_beef)
    print(0b0)
    print(0b1_0000_0000)
    print(-9223372036854775808)
    print(9_223_372_036_854_775_807)
    print(-0x10)
}
