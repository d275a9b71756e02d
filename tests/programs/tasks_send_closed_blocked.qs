// A sender blocked on a channel that is then closed is woken, and panics
// `send on closed channel` when it runs.
fn main() {
    scope {
        let ch = channel[Int](0)
        spawn { print(1); ch.send(7); print(2) }
        yield()
        print(3)
        ch.close()
        print(4)
    }
}
