// Variables named like items of the program's own file (modules_binders.qs),
// which no module sees: a pattern's `Square` and `Circle` bind here, they are
// not main's constructors; so do a parameter, a `let`, a `for` and a closure's
// parameter named like them, and an assigned variable.
pub fn f(x: Int) -> Int {
    let twice = fn(Circle: Int) -> Int { Circle * 2 }
    let mut total = 0
    for Square in 0..x { total += Square }
    match x {
        Square => twice(Square) + total,
    }
}

pub fn g(Circle: Int) -> Int {
    let mut Shape = Circle
    Shape += 1
    match (Shape, Circle) {
        (Square, Circle) => Square * Circle,
    }
}
