// String consts: literals joined with `+` and compared, in any order, using
// each other; inlined where they are used, so each use is a literal.
const GREETING: String = "hello, " + NAME + "!"
const NAME: String = "qnano"
const EMPTY: String = ""
const TWICE: String = GREETING + " " + GREETING
const IS_NAME: Bool = NAME == "qnano" && NAME != EMPTY
const ORDERED: Bool = "apple" < "apples" && EMPTY <= NAME && "b" > "abc" && "z" >= "z"
const ACCENT: String = "caf\u{e9}\t|"
fn main() {
    print(GREETING)
    print(TWICE)
    print(len(EMPTY))
    print(IS_NAME)
    print(ORDERED)
    print(ACCENT)
    print(len(ACCENT))
    let mut s = NAME
    for i in 0..3 { s = s + EMPTY + "." }
    print(s)
    print(s == NAME + "...")
    match NAME { "qnano" => print("matched"), _ => print("not matched") }
}
