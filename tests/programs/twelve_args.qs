// Twelve parameters: more than either target passes in registers.
fn weigh(a: Int, b: Int, c: Int, d: Int, e: Int, f: Int, g: Int, h: Int, i: Int, j: Int, k: Int, l: Int) -> Int {
    a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10 + k * 11 + l * 12
}

fn last(a: Int, b: Int, c: Int, d: Int, e: Int, f: Int, g: Int, h: Int, i: Int, j: Int, k: Int, l: Bool) -> Bool {
    !l
}

fn pass_on(a: Int, b: Int, c: Int, d: Int, e: Int, f: Int, g: Int, h: Int, i: Int, j: Int, k: Int, l: Int) -> Int {
    // the same arguments, rotated, to a call with twelve again
    weigh(l, a, b, c, d, e, f, g, h, i, j, k) - weigh(a, b, c, d, e, f, g, h, i, j, k, l)
}

fn main() {
    print(weigh(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
    print(weigh(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000))
    print(last(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false))
    print(pass_on(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
    let x = read_int()
    print(weigh(x, x + 1, x + 2, x + 3, x + 4, x + 5, x + 6, x + 7, x + 8, x + 9, x + 10, x + 11))
}
