// `qnano test --all`: this file's tests, then those of the modules it uses,
// directly (lib/shapes.qs) or not (lib/util.qs, through shapes), each once;
// lib/empty.qs has no tests, and the shipped core.test is left out.
use lib.shapes
use lib.util.{double}
use lib.empty
use core.test.{assert_eq}

fn test_area() {
    assert_eq(shapes.area(shapes.Rect(2, 3)), 6)
}

fn test_double() {
    assert_eq(double(4), 8 * empty.one())
}

fn main() { }
