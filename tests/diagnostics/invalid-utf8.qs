// Source is UTF-8 (issue 14.5): an invalid byte is an error at its place,
// not a U+FFFD slipped into the program. Here: a byte that is never UTF-8,
// an overlong form, a character cut short, a lone continuation byte, a
// surrogate and a code point above U+10FFFF.
fn main() {
    print("cafÃ© ğŸ˜€ ÿ")
    print("À¯") // overlong /
    // cut short: â‚ then more
    print("€")
    print("í € ô€€")
}
