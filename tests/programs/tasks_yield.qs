// yield() ping-pong: three tasks take turns, first in first out.
fn main() {
    scope {
        spawn { for i in 0..3 { print(10 + i); yield() } }
        spawn { for i in 0..3 { print(20 + i); yield() } }
        for i in 0..3 { print(i); yield() }
    }
    print(99)
}
