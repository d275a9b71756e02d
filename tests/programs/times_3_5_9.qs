// n * 3, n * 5 and n * 9 are one leaq each on x86-64 (select-instructions), and
// wrap as imulq does. Sixteen values live at once, so some of them live in
// stack slots, where patch-instructions loads a leaq's operands into registers.
fn main() {
    let big = 4611686018427387904
    print(big * 3)
    print((0 - big) * 5)
    print(9 * (big + 1))
    let mut a = read_int()
    let b = a + 1
    let c = a + 2
    let d = a + 3
    let e = a + 4
    let f = a + 5
    let g = a + 6
    let h = a + 7
    let i = a + 8
    let j = a + 9
    let k = a + 10
    let l = a + 11
    let m = a + 12
    let n = a + 13
    let o = a + 14
    let p = a + 15
    for round in 0..3 {
        a = a * 3 + b * 5 + c * 9 + d * 3 + e * 5 + f * 9 + g * 3 + h * 5 + i * 9 + j * 3 + k * 5 + l * 9 + m * 3 + n * 5 + o * 9 + p * 3 + round
        print(a)
    }
    print(b * 9 - c * 5 + d * 3 + e + f + g + h + i + j + k + l + m + n + o + p)
}
