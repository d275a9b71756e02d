// A module's variables named like this file's items (its union's
// constructors, the union itself) are variables there (modules/binders.qs).
use modules.binders

union Shape { Circle(r: Int), Square }

fn main() {
    print(binders.f(5))
    print(binders.g(3))
    let s = Circle(2)
    match s {
        Circle(r) => print(r),
        Square => print(0),
    }
}
