// rendezvous: 1,000,000 round trips between main and one task over two
// channels of capacity 0: main sends n on `ping`, the task answers n + 1 on
// `pong`. Every send meets a waiting receiver, so each trip is two hand-overs
// and two switches. Prints the sum of the answers. rendezvous.go is the twin.
fn main() {
    let trips = 1_000_000
    let ping = channel[Int](0)
    let pong = channel[Int](0)
    let mut sum = 0
    scope {
        spawn {
            for n in ping { pong.send(n + 1) }
        }
        for i in 0..trips {
            ping.send(i)
            match pong.recv() {
                Some(v) => { sum += v }
                None => { panic("pong closed") }
            }
        }
        ping.close()
    }
    print(sum)
}
