// Two protocols with a method of one name, both implemented for one type.
protocol A { fn go(self) -> Int }
protocol B { fn go(self) -> Int }
record D { n: Int }
impl A for D { fn go(self) -> Int { 1 } }
impl B for D { fn go(self) -> Int { 2 } }
fn main() { print(D { n: 1 }.go()) }
