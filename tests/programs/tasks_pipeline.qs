// A three-stage pipeline: numbers, their squares, their sum.
fn main() {
    scope {
        let a = channel[Int](2)
        let b = channel[Int](2)
        spawn { for i in 1..6 { a.send(i) }; a.close() }
        spawn { for v in a { b.send(v * v) }; b.close() }
        let mut sum = 0
        for w in b { print(w); sum += w }
        print(sum)
    }
}
