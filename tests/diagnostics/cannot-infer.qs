fn main() {
    let x = None
    let y = is_some(None)
    let e = Err(5)
    print(unwrap(None) + 1)
    let z: Option[Int] = None
}
