// Carets under wide characters (issue 14.15): CJK and emoji take two columns
// on a terminal, a combining accent none; the carets are placed by that
// width, while line:col still count UTF-16 code units.
fn main() {
    let greeting = "こんにちは 😀 👨‍👩‍👧 café" + 1
    let flag = "🇫🇷" + "é" + true
}
