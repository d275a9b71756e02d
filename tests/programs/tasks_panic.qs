// A panic in a task ends the whole program with status 101, at once.
fn main() {
    scope {
        spawn { print(1); panic("task failed") }
        spawn { print(2) }
        print(0)
    }
    print(3)
}
