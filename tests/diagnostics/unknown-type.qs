fn main() {
    let x: Float = 1
    let y: Array[Int] = 2
    let z: (Int, Bool) = 3
}
