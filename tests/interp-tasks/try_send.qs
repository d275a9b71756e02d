// try_send through every pass: with nobody waiting on a capacity-0 channel it
// gives false; a waiting receiver gets the value at once (true); a full
// buffer gives false and drops the value; it never switches; and a try on a
// closed channel panics like send.
fn main() {
    scope {
        let ch = channel[Int](0)
        let buf = channel[String](1)
        spawn { match ch.recv() { Some(v) => print(v), None => print(-1) } }
        print(ch.try_send(1))
        yield()
        print(ch.try_send(2))
        print(buf.try_send("a"))
        print(buf.try_send("b"))
        yield()
        print(unwrap(buf.recv()))
        buf.close()
        print(buf.try_send("c"))
        print(3)
    }
}
