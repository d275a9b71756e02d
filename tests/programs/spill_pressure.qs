// More values live at once than either target has registers (x86-64 has 12,
// AArch64 24 for variables): some must spill to stack slots. The loop's
// variables are used most, so they are the ones that keep registers.
fn main() {
    let seed = read_int()
    let v0 = seed * 1 + 0
    let v1 = seed * 2 + 1
    let v2 = seed * 3 + 4
    let v3 = seed * 4 + 9
    let v4 = seed * 5 + 16
    let v5 = seed * 6 + 25
    let v6 = seed * 7 + 36
    let v7 = seed * 8 + 49
    let v8 = seed * 9 + 64
    let v9 = seed * 10 + 81
    let v10 = seed * 11 + 100
    let v11 = seed * 12 + 121
    let v12 = seed * 13 + 144
    let v13 = seed * 14 + 169
    let v14 = seed * 15 + 196
    let v15 = seed * 16 + 225
    let v16 = seed * 17 + 256
    let v17 = seed * 18 + 289
    let v18 = seed * 19 + 324
    let v19 = seed * 20 + 361
    let v20 = seed * 21 + 400
    let v21 = seed * 22 + 441
    let v22 = seed * 23 + 484
    let v23 = seed * 24 + 529
    let v24 = seed * 25 + 576
    let v25 = seed * 26 + 625
    let v26 = seed * 27 + 676
    let v27 = seed * 28 + 729
    let v28 = seed * 29 + 784
    let v29 = seed * 30 + 841
    let v30 = seed * 31 + 900
    let v31 = seed * 32 + 961
    let mut hot = 0
    let mut i = 0
    while i < 1000 {
        hot = hot + i * 3 ^ (hot >> 2)
        i += 1
    }
    let mut s = hot
    s = s * 31 + v31
    s = s * 31 + v30
    s = s * 31 + v29
    s = s * 31 + v28
    s = s * 31 + v27
    s = s * 31 + v26
    s = s * 31 + v25
    s = s * 31 + v24
    s = s * 31 + v23
    s = s * 31 + v22
    s = s * 31 + v21
    s = s * 31 + v20
    s = s * 31 + v19
    s = s * 31 + v18
    s = s * 31 + v17
    s = s * 31 + v16
    s = s * 31 + v15
    s = s * 31 + v14
    s = s * 31 + v13
    s = s * 31 + v12
    s = s * 31 + v11
    s = s * 31 + v10
    s = s * 31 + v9
    s = s * 31 + v8
    s = s * 31 + v7
    s = s * 31 + v6
    s = s * 31 + v5
    s = s * 31 + v4
    s = s * 31 + v3
    s = s * 31 + v2
    s = s * 31 + v1
    s = s * 31 + v0
    print(s)
    print(v0 + v31)
    print(hot)
}
