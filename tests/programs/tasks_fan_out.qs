// Fan-out: main sends six values to two workers through a channel of
// capacity 1, then closes it; each worker prints what it took, tagged.
fn main() {
    scope {
        let ch = channel[Int](1)
        for w in 0..2 {
            spawn { for v in ch { print((w + 1) * 100 + v) } }
        }
        for i in 0..6 { ch.send(i) }
        ch.close()
    }
    print(999)
}
