// Deadlock, shape 2: two tasks each wait for the other's value, and main waits
// for them at the end of the scope.
fn main() {
    scope {
        let a = channel[Int](0)
        let b = channel[Int](0)
        spawn { print(1); let x = unwrap(a.recv()); b.send(x) }
        spawn { print(2); let y = unwrap(b.recv()); a.send(y) }
        print(0)
    }
    print(3)
}
