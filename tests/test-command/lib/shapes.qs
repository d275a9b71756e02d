// A module with tests of its own, private ones included, run by `qnano test --all` on ../all.qs.
use util.{double}
use core.test.{assert_eq}

pub union Shape { Rect(w: Int, h: Int), Square(side: Int) }

pub fn area(s: Shape) -> Int {
    match s {
        Rect(w, h) => w * h,
        Square(side) => side * side,
    }
}

fn test_square() {
    assert_eq(area(Square(3)), 9)
}

fn test_doubled_rect() {
    assert_eq(area(Rect(double(1), 5)), 10)
}
