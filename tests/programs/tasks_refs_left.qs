// Channels of references (strings, arrays) that still hold values when they
// die: the values are released with them, and the leak check finds nothing.
fn main() {
    scope {
        let words = channel[String](3)
        let lists = channel[Array[Int]](2)
        spawn {
            words.send("alpha")
            words.send("beta" + "!")
            words.send("gam" + "ma")
            lists.send(array(3, 7))
            lists.send(array(2, 1))
        }
        yield()
        print(unwrap(words.recv()))
        let a = unwrap(lists.recv())
        print(len(a))
    }
    print("end")
}
