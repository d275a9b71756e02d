// A protocol where a type is wanted.
protocol Speak { fn speak(self) -> String }
record Dog { name: String }
impl Speak for Dog { fn speak(self) -> String { "woof" } }
fn talk(x: Speak) -> String { x.speak() }
fn main() { print(talk(Dog { name: "rex" })) }
