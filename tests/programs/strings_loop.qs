// Strings built in loops, compared, measured, with every escape.
fn repeat(s: String, n: Int) -> String {
    let mut out = ""
    for i in 0..n { out = out + s }
    out
}

fn main() {
    let mut s = ""
    let mut i = 0
    while i < 5 {
        s = s + "ab"
        i += 1
    }
    print(s)
    print(len(s))
    print(s == repeat("ab", 5))
    print(s != repeat("ab", 4))
    print("tab\there, quote \" backslash \\ nul [\0] e-acute \u{e9}")
    print(len("\u{e9}\u{1F600}"))
    let lines = repeat("line\n", 2)
    print(lines + "end")
    print("" == "")
}
