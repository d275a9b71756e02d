// Box has get and set built in: an impl that gives it another get is refused.
protocol Getter { fn get(self) -> Int }
impl Getter for Box[Int] { fn get(self) -> Int { 0 } }
fn read[T: Getter](x: T) -> Int { x.get() }
fn main() { print(read(Box(5))) }
