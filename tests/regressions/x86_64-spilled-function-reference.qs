// Found by `qnano props` (end to end on x86_64, in heap programs): a function reference
// spilled to the stack gives `leaq fn.f0(%rip), -16(%rbp)`, which does not assemble.
fn f0(a: Int) -> Int {
    a
}

fn main() {
    let g = f0
    let a = read_int()
    let b = f0(a)
    let c = f0(b + a)
    let d = f0(c + b + a)
    let e = f0(d + c + b + a)
    let f = f0(e + d + c + b + a)
    let h = f0(f + e + d + c + b + a)
    print(a + b + c + d + e + f + h + a + b + c + d + e + f + h)
    print(g(1))
}
