// A task stops in the middle of an expression: the receive is an argument of
// an addition, inside a call, inside a print, in a function a spawned block calls.
fn next(ch: Chan[Int]) -> Int {
    unwrap(ch.recv())
}

fn report(tag: Int, ch: Chan[Int]) {
    print(tag * 1000 + next(ch) + next(ch))
}

fn main() {
    let ch = channel[Int](0)
    scope {
        spawn { report(1, ch) }
        spawn { report(2, ch) }
        spawn {
            for i in 1..5 {
                ch.send(i)
            }
        }
    }
    print(7)
}
