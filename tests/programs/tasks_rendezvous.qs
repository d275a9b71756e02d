// Rendezvous: ping and pong over channels of capacity 0, three round trips;
// each send waits for its receiver.
fn main() {
    scope {
        let ping = channel[Int](0)
        let pong = channel[Int](0)
        spawn {
            for v in ping { print(v); pong.send(v + 1) }
            pong.close()
        }
        let mut x = 0
        for round in 0..3 {
            ping.send(x)
            x = unwrap(pong.recv()) + 10
        }
        ping.close()
        for v in pong { print(v) }
        print(x)
    }
}
