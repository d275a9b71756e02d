// core.test's tests, run by `qnano test` on both targets (tests/core.test.ts):
// the tests named ..._fails fail on purpose, and tests/core/test_test.out says
// with which message.
use core.test.{assert_eq}

fn test_equal_values_pass() {
    assert_eq(1 + 1, 2)
    assert_eq("a" + "b", "ab")
    assert_eq(true, !false)
}

fn test_ints_fails() {
    assert_eq(2 + 2, 5)
}

fn test_strings_fails() {
    assert_eq("got" + "!", "want")
}

fn test_bools_fails() {
    assert_eq(1 < 2, false)
}

// A type of the program's own, with its Eq and Show.
record Point { x: Int, y: Int }
impl Eq for Point { fn eq(self, other: Point) -> Bool { self.x == other.x && self.y == other.y } }
impl Show for Point { fn show(self) -> String { "(" + self.x.show() + ", " + self.y.show() + ")" } }

fn test_own_type() {
    assert_eq(Point { x: 1, y: 2 }, Point { y: 2, x: 1 })
}

fn test_own_type_fails() {
    assert_eq(Point { x: 1, y: 2 }, Point { x: 2, y: 1 })
}
