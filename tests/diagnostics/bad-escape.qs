fn main() {
    panic("tab\tnewline\nquote\"unknown\q")
    panic("\u{110000}")
}
