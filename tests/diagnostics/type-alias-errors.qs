type A = B
type B = (A, Int)
type Int = Bool
record R { f: Missing, g: Array[Nope] }

fn main() {
    let x: A = 1
}
