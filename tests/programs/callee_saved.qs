// Many values live across calls: each must survive every call made while it lives.
fn mix(a: Int, b: Int) -> Int {
    // enough work to want many registers of its own
    let p = a * 3 + b
    let q = a - b * 5
    let r = p ^ q
    let s = (p + q) * (r + 1)
    s % 1000 + p - q
}

fn noisy(x: Int) -> Int {
    print(x)
    x * 2
}

fn main() {
    let a = read_int()
    let b = a + 1
    let c = b * 2
    let d = c - 7
    let e = d * d
    let f = e + a
    let g = f - b
    let h = g * 3
    let i = h + c
    let j = i - d
    let m1 = mix(a, b)
    let m2 = mix(c, d) + noisy(e)
    let m3 = mix(m1, m2) + mix(f, g)
    print(a + b + c + d + e + f + g + h + i + j)
    print(m1)
    print(m2)
    print(m3)
    print(a * b - c * d + e - f * g + h - i + j)
}
