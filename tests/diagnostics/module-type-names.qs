use modules.lib

record Circle { r: Int }

// A module's items are named in messages as the program would write them in full.
impl lib.Light for Circle { fn size(self) -> Int { self.r } }
fn total[T: lib.Box2](x: T) -> Int { 0 }
fn f(b: lib.Box2) -> Int { b }

fn main() { let x: lib.Light = 3 }
