union Shape { Circle(r: Int), Empty }
fn area(s: Shape) -> Int {
    match s {
        Circle(r) => 3 * r * r,
        Square(w) => w * w,
        Empty => 0,
    }
}
fn main() {
    print(area(Triangle(3)))
}
