// Nested scopes: each waits for its own tasks only (a spawn belongs to the
// innermost scope around it), and gives its block's value.
fn main() {
    let total = Box(0)
    let r = scope {
        spawn { print(1); total.set(total.get() + 1) }
        let inner = scope {
            spawn { print(2); total.set(total.get() + 10) }
            spawn {
                scope { spawn { print(3); total.set(total.get() + 100) } }
                print(4)
            }
            print(5)
            40
        }
        print(inner)
        inner + 2
    }
    print(r)
    print(total.get())
}
