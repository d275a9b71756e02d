// The brief's example (§5) and spec/language.md's worked trace: 0, 1, 2.
fn main() {
    scope {
        let ch = channel[Int](1)
        spawn { for i in 0..3 { ch.send(i) }; ch.close() }
        for v in ch { print(v) }
    }
}
