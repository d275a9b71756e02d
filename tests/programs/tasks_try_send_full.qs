// try_send on a buffered channel: it sends while there is room and gives
// true; on a full buffer it gives false, the value is dropped, and the task
// goes on without a switch (the spawned task has not run yet when main
// prints). A receive makes room again.
fn main() {
    scope {
        let ch = channel[Int](2)
        spawn { print(100) }
        print(ch.try_send(1))
        print(ch.try_send(2))
        print(ch.try_send(3))
        print(unwrap(ch.recv()))
        print(ch.try_send(4))
        print(ch.try_send(5))
        print(unwrap(ch.recv()))
        print(unwrap(ch.recv()))
    }
}
