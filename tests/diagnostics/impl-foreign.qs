type Meters = Int
record Pair[A, B] { a: A, b: B }

impl Show for Meters { fn show(self) -> String { "m" } }

impl Int { fn double(self) -> Int { self * 2 } }

impl Option[Int] { fn get(self) -> Int { 0 } }

impl Pair[Int, Bool] { fn first(self) -> Int { self.a } }

impl (Int, Int) { fn sum(self) -> Int { self.0 + self.1 } }

fn main() {}
