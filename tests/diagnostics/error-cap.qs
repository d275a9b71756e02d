// More than 20 errors (issue 14.14): the first 20 are shown, then how many more.
fn main() {
    let v0: Bool = 0
    let v1: Bool = 1
    let v2: Bool = 2
    let v3: Bool = 3
    let v4: Bool = 4
    let v5: Bool = 5
    let v6: Bool = 6
    let v7: Bool = 7
    let v8: Bool = 8
    let v9: Bool = 9
    let v10: Bool = 10
    let v11: Bool = 11
    let v12: Bool = 12
    let v13: Bool = 13
    let v14: Bool = 14
    let v15: Bool = 15
    let v16: Bool = 16
    let v17: Bool = 17
    let v18: Bool = 18
    let v19: Bool = 19
    let v20: Bool = 20
    let v21: Bool = 21
    let v22: Bool = 22
    let v23: Bool = 23
    let v24: Bool = 24
    let v25: Bool = 25
    let v26: Bool = 26
    let v27: Bool = 27
    let v28: Bool = 28
    let v29: Bool = 29
}
