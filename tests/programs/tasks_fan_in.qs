// Fan-in: three producers send to one rendezvous channel, main receives all
// nine values. The order is the scheduling rule's: blocked senders are served
// first come first served, each woken to the back of the ready queue.
fn main() {
    scope {
        let ch = channel[Int](0)
        for p in 0..3 {
            spawn { for i in 0..3 { ch.send(p * 10 + i) } }
        }
        for k in 0..9 {
            match ch.recv() { Some(v) => print(v), None => print(-1) }
        }
    }
}
