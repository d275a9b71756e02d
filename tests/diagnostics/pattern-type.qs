union Shape { Circle(r: Int), Empty }
fn main() {
    let s = Circle(2)
    match s {
        Some(r) => print(r),
        1 => print(1),
        (a, b) => print(2),
        _ => print(3),
    }
    match (1, true) {
        (x, "yes") => print(x),
        (1, 2, 3) => print(0),
        _ => print(4),
    }
}
