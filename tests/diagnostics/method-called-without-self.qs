// A method of the same type called without `self.`.
record Counter { n: Int }
impl Counter {
    fn double(self) -> Int { self.n * 2 }
    fn quad(self) -> Int { double() * 2 }
}
fn main() { print(Counter { n: 3 }.quad()) }
