// spawn: 100,000 tasks spawned in one scope, all alive at once: main yields
// once they are spawned, so each runs and waits on the channel `gate` (its
// stack saved) until main closes it; then each adds its number to `sums`
// and finishes, and the scope joins them all. Prints the number of tasks and the
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
        yield()
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
