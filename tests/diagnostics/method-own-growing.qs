record Counter { n: Int }

impl Counter {
    fn grow[U](self, x: U) -> Int { self.grow((x, x)) }
}

fn main() {
    let c = Counter { n: 1 }
    print(c.grow(1))
}
