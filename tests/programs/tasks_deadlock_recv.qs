// Deadlock, shape 1: main receives from a channel nobody sends to, and no task
// is ready.
fn main() {
    let ch = channel[Int](0)
    print(1)
    match ch.recv() { Some(v) => print(v), None => print(-1) }
    print(2)
}
