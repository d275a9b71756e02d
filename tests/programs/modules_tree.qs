// Modules: nested folders, qualified and direct imports, a file reached by two
// paths (modules/geo/shapes.qs, from here and from modules/text.qs), private
// items of one name in several modules, and two modules of one last segment
// (modules/colors.qs and modules/geo/colors.qs) that never meet.
module modules_tree
use modules.geo.shapes
use modules.text.{shout, Style, banner}

fn tag() -> String { "main" }

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
}
