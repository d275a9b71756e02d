use modules.lib

record Circle { r: Int }

// A protocol's name, qualified or not, comes before `for`: not a type with arguments.
impl Show[Int] for Circle { fn show(self) -> String { "circle" } }
impl lib.Light[Int] for Circle { fn show(self) -> String { "circle" } }

fn main() { }
