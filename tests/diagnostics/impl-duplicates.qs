protocol Named { fn name(self) -> String }

record Cat { lives: Int }

impl Named for Cat { fn name(self) -> String { "cat" } }
impl Named for Cat { fn name(self) -> String { "kitten" } }

impl Cat {
    fn lives(self) -> Int { self.lives }
    fn lives(self) -> Int { 9 }
}

impl Cat {
    fn name(self) -> String { "tom" }
}

fn main() {}
