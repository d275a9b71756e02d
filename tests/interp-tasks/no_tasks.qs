// Channels without a spawn: a buffered channel in one task, then a receive
// that can only wait: deadlock.
fn main() {
    let ch = channel[Int](2)
    ch.send(4)
    ch.send(5)
    yield()
    print(unwrap(ch.recv()) + unwrap(ch.recv()))
    ch.send(6)
    ch.close()
    ch.close()
    for v in ch {
        print(v)
    }
    print(unwrap_or(ch.recv(), -1))
    let other = channel[Int](0)
    print(unwrap(other.recv()))
}
