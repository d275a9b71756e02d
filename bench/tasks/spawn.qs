// spawn: 100,000 tasks spawned in one scope, all alive at once: each waits on
// the channel `gate` until main closes it, then adds its number to `sums`
// and finishes; the scope joins them all. Prints the number of tasks and the
// sum of their numbers. Peak memory is what 100,000 waiting tasks cost.
// spawn.go is the twin.
fn main() {
    let tasks = 100_000
    let gate = channel[Int](0)
    let sums = channel[Int](tasks)
    scope {
        for i in 0..tasks {
            spawn {
                let _ = gate.recv()
                sums.send(i)
            }
        }
        gate.close()
    }
    sums.close()
    let mut count = 0
    let mut total = 0
    for v in sums {
        count += 1
        total += v
    }
    print(count)
    print(total)
}
