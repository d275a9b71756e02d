// close wakes every waiting receiver (None) and every blocked sender (which
// then panics when it runs); the order of the output is the scheduling rule's.
fn main() {
    let ch = channel[Int](0)
    let done = channel[Int](4)
    scope {
        spawn {
            match ch.recv() {
                Some(v) => print(v),
                None => print(-1),
            }
            done.send(1)
        }
        spawn {
            for v in ch {
                print(v)
            }
            print(-2)
            done.send(2)
        }
        spawn {
            yield()
            ch.close()
            print(0)
        }
    }
    print(unwrap(done.recv()) * 10 + unwrap(done.recv()))
}
