protocol Describe { fn describe(self) -> String }
record Counter { n: Int }

impl Describe for Counter { fn describe[T](self) -> String { "c" } }

impl Counter {
    fn tell[T: Show](self, x: T) -> String { x.show() }
}

record Cell[T] { value: T }
impl[T] Cell[T] { fn with[T](self, x: T) -> T { x } }

fn main() {
    let c = Counter { n: 1 }
    print(c.tell(Box(1)))
}
