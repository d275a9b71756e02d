// A file that declares a read_int of its own: the test binary still reads the
// test's number with the built-in (tests/test-command.test.ts). And a panic
// whose message has a line break.
fn read_int() -> Int { 0 }
fn test_first() { assert(read_int() == 0) }
fn test_second() { assert(false) }
fn test_two_lines() { panic("one\ntwo") }
fn main() { print(read_int()) }
