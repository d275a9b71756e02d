module broken

pub fn twice(x: Int) -> Int {
    x + true
}
