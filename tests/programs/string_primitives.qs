// The runtime's primitives under core.string and core.io: string_byte and
// string_slice count bytes of the UTF-8 (a slice must not cut a character),
// write_string writes no newline, and input_line gives each line of input with
// its newline (the last may have none), then "" at the end of input.
fn main() {
    let s = "h\u{e9}llo \u{1f600}!"
    print(len(s))
    print(string_byte(s, 0))
    print(string_byte(s, 1))
    print(string_byte(s, len(s) - 1))
    print(string_slice(s, 3, 6))
    print(string_slice(s, 7, 11))
    print(string_slice(s, len(s), len(s)) == "")
    write_string("no newline, ")
    write_string("")
    write_string("then one\n")
    let mut count = 0
    let mut line = input_line()
    while len(line) > 0 {
        write_string("[" + line + "] ")
        print(len(line))
        count += 1
        line = input_line()
    }
    print(input_line() == "")
    // No input: an index out of range; one line: a slice inside a character.
    if count == 0 { print(string_byte(s, len(s))) }
    if count == 1 { print(string_slice(s, 0, 2)) }
}
