// A producer that never waits: it offers ten readings to a channel with room
// for three, counting those it had to drop, and yields after every second
// one; a slow consumer prints one value a turn.
fn main() {
    let dropped = Box(0)
    scope {
        let readings = channel[Int](3)
        spawn {
            for i in 0..10 {
                if !readings.try_send(i) { dropped.set(dropped.get() + 1) }
                if i % 2 == 1 { yield() }
            }
            readings.close()
        }
        spawn {
            for v in readings { print(v); yield() }
        }
    }
    print(dropped.get())
}
