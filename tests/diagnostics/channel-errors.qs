fn main() {
    scope {
        let ch = channel[Int](true)
        ch.send("one")
        let r: Option[String] = ch.recv()
        ch.open()
        ch.close(1)
        ch.send()
        let c2: Chan[Int, Int] = ch
        let c3: Chan = ch
        for v in ch { let s: String = v }
        let n: Int = channel[Bool](0)
        yield(1)
        let y = yield
    }
}
