// Closing a closed channel does nothing (spec/language.md, "Concurrency").
fn main() {
    let ch = channel[String](1)
    ch.send("a")
    ch.close()
    ch.close()
    for s in ch { print(s) }
    print("done")
}
