// Leaf functions of nine arguments: on x86-64 the last three, on AArch64 the
// last one, come on the stack, read through the frame pointer, so such a
// function keeps its frame (drop-leaf-frames) though it calls nothing and
// saves no register; `three`, whose arguments all come in registers, loses it.
fn last(a: Int, b: Int, c: Int, d: Int, e: Int, f: Int, g: Int, h: Int, i: Int) -> Int {
    i - h
}

fn nine(a: Int, b: Int, c: Int, d: Int, e: Int, f: Int, g: Int, h: Int, i: Int) -> Int {
    a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i
}

fn three(a: Int, b: Int, c: Int) -> Int {
    a * 100 + b * 10 + c
}

fn main() {
    let mut sum = 0
    for k in 0..10 {
        sum = sum + nine(k, 1, 2, 3, 4, 5, 6, 7, k * 2) + three(k, k + 1, k + 2) + last(0, 0, 0, 0, 0, 0, 0, k, k * k)
    }
    print(sum)
    print(nine(1, 1, 1, 1, 1, 1, 1, 1, 1))
}
