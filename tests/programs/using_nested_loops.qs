// Nested `using` inside loops, and a generic `using` over a protocol with a
// `drop` method: each iteration takes and drops its own resources, inner
// loops' drops run at their `break` and `continue`, and a `return` from deep
// inside drops everything taken on the way, innermost first.

protocol Resource {
    fn drop(self)
    fn label(self) -> String
}

record Lock { id: Int, log: Box[Int] }

impl Resource for Lock {
    fn drop(self) {
        self.log.set(self.log.get() + 1)
        print("unlock " + self.id.show())
    }
    fn label(self) -> String { "lock " + self.id.show() }
}

union Handle { Closed, Open(fd: Int) }

impl Resource for Handle {
    fn drop(self) {
        match self { Closed => print("nothing to close"), Open(fd) => print("close " + fd.show()) }
    }
    fn label(self) -> String { match self { Closed => "closed", Open(fd) => "fd " + fd.show() } }
}

// A generic function that owns its resource for as long as it runs.
fn hold[T: Resource](r: T, times: Int) -> Int {
    using held = r
    let mut n = 0
    for i in 0..times {
        if i == 2 { return n }
        n += len(held.label())
    }
    n
}

fn search(log: Box[Int], target: Int) -> Int {
    for i in 0..3 {
        using outer = Lock { id: i, log: log }
        for j in 0..3 {
            using inner = Lock { id: 10 * i + j, log: log }
            if j == 1 { continue }
            if i * 3 + j == target { return i * 3 + j }
            if j == 2 { break }
        }
    }
    -1
}

fn main() {
    let log = Box(0)
    print(search(log, 5))
    print(log.get())
    print(search(log, 99))
    print(log.get())
    print(hold(Lock { id: 7, log: log }, 1))
    print(hold(Open(3), 5))
    print(hold(Closed, 0))
    print(log.get())
}
