// Deeply nested blocks, ifs and parentheses, as values.
fn main() {
    let a = 3
    let v = if a > 0 {
        if a > 1 {
            if a > 2 {
                if a > 3 { 4 } else { { { { 30 + ((((a)))) } } } }
            } else { 2 }
        } else { 1 }
    } else { 0 }
    print(v)
    let w = (((((((1 + 2) * 3) - 4) * 5) + 6) * 7) - 8)
    print(w)
    let mut total = 0
    for i in 0..3 {
        for j in 0..3 {
            for k in 0..3 {
                if (i + j + k) % 2 == 0 {
                    total += if i == j { if j == k { 100 } else { 10 } } else { 1 }
                }
            }
        }
    }
    print(total)
}
