// Found by `qnano fuzz --seed 20261202` (the one-hour run of issue 14): leak
// after insert-refcounts. shrink took every primitive but read_int for one
// that gives Unit, so the then-block of an `if` without `else` kept the array
// (or the length, the box, the value got) as the if's value: a reference in a
// variable of type Unit, never released.
fn main() {
    let w = if true {
        array(3, 0)
    }
    let b = Box(5)
    if len("abc") > 2 {
        Box(b.get() + 1)
    }
    let n = if true { len("four") }
    if true { b.get() }
    if true { "a" + "b" }
    print(b.get())
}
