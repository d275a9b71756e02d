use geometry
record Point { x: Int, y: Int }
union Shape { Circle(r: Int), Empty }
type Pair = (Int, Int)
fn main() {
    let p = point.x
    let a = arr[0]
}
