// The first concurrent construct is named, wherever it is: here a channel's
// `recv`, whose Option comes from the prelude though the program never names it.
fn drain(ch: Chan[Int]) -> Int {
    let first = ch.recv()
    match first { Some(v) => v, None => 0 }
}
fn main() {
    let x = 1
    print(x)
}
