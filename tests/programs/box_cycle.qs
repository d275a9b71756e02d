// A cycle through a Box: a union value that holds a Box that holds the value.
// Reference counting cannot free a cycle by itself, so the program breaks it
// before main returns, and the leak check finds nothing left.
union Chain { End, Link(label: String, next: Box[Chain]) }

fn labels(c: Chain, steps: Int) -> Int {
    let mut count = 0
    let mut at = c
    for _ in 0..steps {
        match at {
            End => (),
            Link(label, next) => {
                print(label)
                count += 1
                at = next.get()
            }
        }
    }
    count
}

fn main() {
    let b = Box(End)
    let link = Link("round", b)
    b.set(link)                 // b holds a Link that holds b: a cycle
    print(labels(b.get(), 3))   // round and round
    b.set(End)                  // broken: the Link goes, then b with main's last reference
    print(labels(b.get(), 3))
}
