// core.io's tests, run by `qnano test` on both targets (tests/core.test.ts).
// A test's standard input is only the number of the test, read before it
// runs: what is left is the end of the input. (Reading lines and writing
// without a newline are shown by the golden program tests/programs/core_io.qs.)
use core.io
use core.test.{assert_eq}

fn test_read_line_at_the_end_of_input_is_none() {
    assert(is_none(io.read_line()))
    assert(is_none(io.read_line()))
}

fn test_write_writes() {
    io.write("")
    io.write(42)
    io.write(true)
}
