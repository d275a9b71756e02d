// Stray wide characters (issue 14.15): the carets cover each one whole.
fn main() {
    let 名前 = 1
    let x ＝ 2 // a fullwidth equals sign
    let y = 😀 + 1
}
