// The runtime's string and I/O primitives driven by standard input, for
// tests/primitives.test.ts: each command is a line with its number, then its
// arguments' lines. `s` starts empty.
//   1        s = input_line() (the next line, raw); print its length
//   2 i      print string_byte(s, i)
//   3 a b    s = string_slice(s, a, b); write it and "|\n"
//   4 k      s = s + the k-th piece (ASCII, a newline, 2-, 3- and 4-byte characters, ...)
//   5        write_string(s)
//   9        every line left, by input_line, each's length, then "end"
//   0        stop
fn piece(k: Int) -> String {
    match k { 0 => "a", 1 => "\n", 2 => "\u{e9}", 3 => "\u{20ac}", 4 => "\u{1f600}", 5 => "\0", 6 => "\r", _ => "xyz" }
}

fn main() {
    let mut s = ""
    while true {
        let op = read_int()
        if op == 0 { return }
        if op == 1 {
            s = input_line()
            print(len(s))
        } else if op == 2 {
            print(string_byte(s, read_int()))
        } else if op == 3 {
            let a = read_int()
            s = string_slice(s, a, read_int())
            write_string(s)
            write_string("|\n")
        } else if op == 4 {
            s = s + piece(read_int())
        } else if op == 5 {
            write_string(s)
        } else {
            let mut line = input_line()
            while len(line) > 0 {
                print(len(line))
                line = input_line()
            }
            print("end")
            return
        }
    }
}
