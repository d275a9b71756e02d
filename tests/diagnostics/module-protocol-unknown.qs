use modules.lib

record Circle { r: Int }

// A protocol named by its module: the module must have it.
impl lib.Measured for Circle { fn size(self) -> Int { self.r } }
fn total[T: lib.Sized](x: T) -> Int { 0 }

fn main() { }
