// try_send on a closed channel panics like send, even with room in the
// buffer: it never just gives false there.
fn main() {
    scope {
        let ch = channel[Int](2)
        print(ch.try_send(1))
        ch.close()
        print(unwrap(ch.recv()))
        print(ch.try_send(2))
        print(3)
    }
}
