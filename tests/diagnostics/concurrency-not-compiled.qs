// A well-typed concurrent program: the front end accepts it, and until the
// passes that lower concurrency land, check-types says it cannot compile it.
fn main() {
    scope {
        let ch = channel[Int](4)
        spawn { for i in 0..3 { ch.send(i) }; ch.close() }
        for v in ch { print(v) }
    }
}
