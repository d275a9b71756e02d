// Output whose order only the exact scheduling rule gives (spec/language.md,
// "Concurrency"): a woken task goes to the BACK of the ready queue (a wake-up at
// the front would print 10 before 3), the queue is first in first out, and a
// receive from a full buffer moves the first blocked sender's value in and wakes it.
fn main() {
    scope {
        let ch = channel[Int](0)
        spawn { print(1); ch.send(10); print(2) }     // A
        spawn { print(3); yield(); print(4) }         // B
        print(0)
        match ch.recv() { Some(v) => print(v), None => print(-1) }
        print(5)
    }
    print(6)
    scope {
        let c = channel[Int](1)
        spawn { c.send(1); print(11); c.send(2); print(12); c.send(3); print(13); c.close() }   // A
        spawn { print(21); yield(); print(22) }                                                 // B
        print(30)
        yield()
        print(31)
        for v in c { print(100 + v) }
        print(32)
    }
}
