// A protocol of the program gives Int a method `show`, which the prelude's impl Show for Int has.
protocol Sh { fn show(self) -> String }
impl Sh for Int { fn show(self) -> String { "mine" } }
fn main() { print(3.show()) }
