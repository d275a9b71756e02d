// A scope with n tasks (n read from input): the interpreters run a few hundred,
// the binaries 100,000 (tasks_many.100000.out). Each task adds its i to a
// shared Box; the scope waits for them all.
fn main() {
    let n = read_int()
    let count = Box(0)
    scope {
        for i in 0..n {
            spawn { count.set(count.get() + i) }
        }
    }
    print(count.get())
}
