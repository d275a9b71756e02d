// Habits of other languages' hands, each with what to write in Quastra.
fn id<T>(x: T) -> T { x }
fn main() {
    var x = 5
    y := 6
    let mut i = 0
    i++
    let a = [1, 2, 3]
    let o: Option<Int> = None
    let c = Color::Red
}
