// A value that try_send does not send is dropped and released: strings and
// arrays made for a try that fails leave nothing live (the leak check finds
// nothing), and those that are sent arrive whole.
fn main() {
    scope {
        let words = channel[String](1)
        let lists = channel[Array[Int]](0)
        let mut dropped = 0
        for i in 0..4 {
            if !words.try_send("w" + i.show()) { dropped += 1 }
            if !lists.try_send(array(i + 1, i)) { dropped += 1 }
        }
        print(dropped)
        print(unwrap(words.recv()))
        let kept = "kept"
        if words.try_send(kept) { print("sent") }
        print(kept)
        print(unwrap(words.recv()))
    }
}
