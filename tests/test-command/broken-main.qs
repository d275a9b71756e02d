// A file whose tests are fine but whose own main does not compile: it does not
// compile as a test file either (tests/test-command.test.ts).
fn test_fine() { assert(true) }
fn main() {
    let x: Int = "not an int"
    print(x)
}
