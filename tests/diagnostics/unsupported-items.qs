use geometry
union Shape { Circle(r: Int), Empty }
fn main() {
    let s = match 1 { _ => 2 }
}
