// A channel freed with values still in it releases them: from Lrc on the
// leak check finds nothing live (nor does the binary's).
fn fill(ch: Chan[String], n: Int) {
    for i in 0..n {
        ch.send("v" + i.show())
    }
}

fn main() {
    let kept = channel[Array[String]](2)
    scope {
        let ch = channel[String](3)
        spawn { fill(ch, 3) }
        spawn { print(unwrap(ch.recv())) }
        spawn { kept.send(array(2, "x" + "y")) }
    }
    print(unwrap(kept.recv())[1])
    kept.send(array(1, "z" + "z"))
}
