module shapes
use colors

pub const LIMIT: Int = 100

pub record Point { x: Int, y: Int }

pub union Shape { Circle(r: Int), Rect(w: Int, h: Int), Empty }

impl Point {
    fn sum(self) -> Int { self.x + self.y }
}

impl Show for Point {
    fn show(self) -> String { "(" + self.x.show() + ", " + self.y.show() + ")" }
}

pub fn area(s: Shape) -> Int {
    match s {
        Circle(r) => 3 * r * r,
        Rect(w, h) => helper(w * h),
        Empty => 0,
    }
}

// private: modules/text.qs has its own
fn helper(x: Int) -> Int { x + len(colors.tag()) }

pub fn first[T](xs: Array[T]) -> T { xs[0] }

pub fn find(x: Int) -> Option[Int] { if x > 0 { Some(x * 10) } else { None } }

// A protocol that other modules implement and bound by its qualified name (modules_tree.qs).
pub protocol Sized { fn size(self) -> Int }

impl Sized for Point { fn size(self) -> Int { self.x * self.y } }

pub fn largest[T: Sized](xs: Array[T]) -> Int {
    let mut best = 0
    for x in xs { best = max(best, x.size()) }
    best
}
