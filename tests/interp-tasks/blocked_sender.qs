// A sender blocked on a full channel is woken by close and panics.
fn main() {
    let ch = channel[String](1)
    scope {
        spawn {
            ch.send("a" + "1")
            print(1)
            ch.send("b" + "2")
            print(2)
        }
        spawn {
            print(3)
            ch.close()
            print(4)
        }
    }
    print(5)
}
