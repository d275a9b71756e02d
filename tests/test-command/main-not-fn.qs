// A file whose `main` is a const: one error, that main must be a function
// (tests/test-command.test.ts).
const main: Int = 1
fn test_a() { assert(true) }
