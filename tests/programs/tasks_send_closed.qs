// A send on a closed channel panics; a receive from it gives what is left,
// then None.
fn main() {
    scope {
        let ch = channel[Int](2)
        ch.send(1)
        ch.close()
        print(unwrap(ch.recv()))
        match ch.recv() { Some(v) => print(v), None => print(-1) }
        spawn { print(5); ch.send(2); print(6) }
    }
}
