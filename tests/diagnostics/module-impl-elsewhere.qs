use modules.lib.{Box2}
use modules.lib

impl Box2 {
    fn twice(self) -> Int { self.v * 2 }
}

impl Show for lib.Box2 {
    fn show(self) -> String { "box" }
}

fn main() {
    print(1)
}
