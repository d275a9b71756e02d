// A Box is a mutable cell shared by reference: functions that get it change it
// for every holder.
record Counter { hits: Int, last: String }

fn hit(b: Box[Counter], who: String) {
    let c = b.get()
    b.set(Counter { hits: c.hits + 1, last: who })
}

fn make() -> Box[Counter] { Box(Counter { hits: 0, last: "nobody" }) }

fn main() {
    let b = make()
    let alias = b
    hit(b, "ann")
    hit(alias, "bob")
    hit(b, "cy")
    print(b.get().hits)
    print(alias.get().last)
    let boxes = array(2, b)
    hit(boxes[1], "dee")
    print(b.get().hits)
    let n = Box(5)
    n.set(n.get() * 2)
    print(n.get())
}
