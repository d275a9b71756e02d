// core.io: standard output without a line break, and standard input by lines.
module io

// Writes `value` as text (its `show`) to standard output, with no line break
// after it: `write("a"); write(1); print("")` prints `a1` and a newline.
pub fn write[T: Show](value: T) {
    write_string(value.show())
}

// The next line of standard input, without its line break (`\n`, or `\r\n`),
// or `None` at the end of the input: an empty line is `Some("")`. The last
// line counts even without a `\n` after it. It reads from the same input as
// `read_int`, so the two may be mixed.
pub fn read_line() -> Option[String] {
    let line = input_line()
    let mut end = len(line)
    if end == 0 { return None }
    if string_byte(line, end - 1) == 10 { end -= 1 } // '\n'
    if end > 0 && string_byte(line, end - 1) == 13 { end -= 1 } // '\r'
    Some(string_slice(line, 0, end))
}
