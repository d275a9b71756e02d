// A value that never arrives (panic, exit, break...) has type Never: it fits
// wherever a value is expected, but not where its type must be known.
record Point { x: Int, y: Int }

fn main() {
    print(panic("no point").x)
    print(exit(1).0)
    let b = panic("no box").get()
    panic("no array")[0] = 1
    print(panic("no array")[0])
    for v in panic("nothing to go through") {
        print(v)
    }
    print({ panic("a block") }.y)
    // Found by `qnano fuzz --seed 4242`: an internal error in monomorphize.
    using held = {
        return
    }
    print(panic("fine") + 1)
}
