// A program that calls through a closure and spawns: a task's code owns its
// closure (qn_spawn moves it there), so no closure may be lent (infer-borrows);
// here the task only reads the channel it captured, and nothing may leak.
fn main() {
    let k = 7
    let f = fn(x: Int) -> Int { x + k }
    print(f(1))
    let c = channel[Int](1)
    scope {
        spawn { c.send(5) }
    }
    print(unwrap(c.recv()))
}
