// Modules: nested folders, qualified and direct imports, a file reached by two
// paths (modules/geo/shapes.qs, from here and from modules/text.qs), private
// items of one name in several modules, and two modules of one last segment
// (modules/colors.qs and modules/geo/colors.qs) that never meet; a protocol of
// another module implemented and used as a bound by its qualified name.
module modules_tree
use modules.geo.shapes
use modules.text.{shout, Style, banner}

fn tag() -> String { "main" }

record Stick { n: Int }
impl shapes.Sized for Stick { fn size(self) -> Int { self.n } }

fn sizes[T: shapes.Sized + Show](xs: Array[T]) -> String {
    let mut out = ""
    for x in xs { out = out + x.show() + "=" + x.size().show() + " " }
    out
}

fn main() {
    let p = shapes.Point { x: 3, y: 4 }
    print(p.sum())                       // a type's methods go where the type goes
    print(p.show())
    print(shapes.area(shapes.Rect(2, 5)))
    let s: shapes.Shape = shapes.Circle(2)
    match s {
        shapes.Circle(r) => print(r),
        shapes.Rect(w, h) => print(w * h),
        shapes.Empty => print(0),
    }
    print(shout("hi", Loud))
    print(shout("hi", Quiet))
    print(banner())
    print(tag())
    let xs = array(3, 7)
    xs[1] = 8
    print(shapes.LIMIT + shapes.first(xs))
    print(unwrap(shapes.find(3)))
    let sticks = array(2, Stick { n: 4 })
    sticks[1] = Stick { n: 9 }
    print(shapes.largest(sticks))
    let points = array(2, p)
    points[1] = shapes.Point { x: 5, y: 1 }
    print(shapes.largest(points))
    print(sizes(points))
}
