// Stray control characters outside strings (issue 14.3): each message
// quotes the character escaped, and the carets cover its escape.
fn main() {
    let t = 2  3
    let v = [31m 4
}
