// core.io over standard input: read_int and read_line share it; read_line
// gives each line without its break (`\n` or `\r\n`), an empty line as
// Some(""), the last line even without a `\n`, then None; write writes with
// no line break.
use core.io

fn main() {
    let count = read_int()
    io.write("lines after the count of ")
    io.write(count)
    print(":")
    let mut n = 0
    while true {
        match io.read_line() {
            Some(text) => {
                n += 1
                io.write("[" + text + "] ")
                io.write(len(text))
                io.write(" ")
                print(n <= count)
            }
            None => break,
        }
    }
    print(is_none(io.read_line()))
}
