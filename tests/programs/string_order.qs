// Strings order byte by byte, a prefix first (the primitive string_cmp, qn_string_cmp on both
// targets), and the prelude's Ord for String, min and max agree.
fn main() {
    print("ab" < "b")
    print("a" < "ab")
    print("abc" >= "abc")
    print("b" <= "a")
    print(max("pear", "apple"))
    print(min("\u{e9}", "z"))
    print("x".cmp("y"))
}
