// Values made and not used are released: a channel made and dropped, a value
// received and dropped (found by `qnano fuzz --seed 31337`: both leaked, the
// received String with the Some made of it, which nothing read).
fn main() {
    for k in 0..3 {
        channel[Int](k)
    }
    scope {
        let c = channel[String](2)
        c.send("a" + "b")
        c.send("c" + "d")
        c.recv()
        match c.recv() {
            Some(s) => print(s),
            None => print("none"),
        }
        c.close()
        c.recv()
    }
    print("done")
}
