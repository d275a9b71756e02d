// Tests that fail in every way a process can, for tests/test-command.test.ts;
// each fails alone, and the others still run.
fn test_passes() { assert(1 + 1 == 2) }
fn test_panics() { panic("this test fails on purpose") }
fn test_assert() { assert(2 < 1) }
fn test_exit() { exit(3) }
fn test_divides() {
    let zero = 0
    print(1 / zero)
}
fn test_out_of_bounds() { print(string_byte("", 0)) }
// Not tests: a helper, and a function test_ that takes parameters.
fn helper(x: Int) -> Int { x }
fn test_with_parameter(x: Int) { assert(x == x) }
