// try_send to a channel with a receiver waiting hands the value over and
// gives true, even with capacity 0; the receiver is woken at the back of the
// ready queue and the sender goes on. With nobody waiting, a capacity-0
// channel has no room: false, and the value is dropped.
fn main() {
    scope {
        let ch = channel[Int](0)
        spawn {
            for v in ch { print(v) }
            print(-1)
        }
        print(ch.try_send(7))          // nobody waits yet: false
        yield()                        // the task runs and waits in recv
        print(ch.try_send(8))          // it waits: true, 8 is its
        print(ch.try_send(9))          // it is ready, not waiting: false
        yield()                        // it prints 8 and waits again
        print(ch.try_send(10))
        ch.close()
    }
}
