// insert-refcounts read the word a Box.set overwrites as a Ref, so guard-immediate-counts did not
// guard its dec, though it was Nil, an immediate: the binary crashed (SIGSEGV). Found by the generator.
union List { Nil, Cons(v: String) }

fn main() {
    let a = ("ab", Box(Nil))
    a.1.set(Cons("Quastra"))
    print(a.0)
    match a.1.get() {
        Nil => {
            print("Nil")
        },
        Cons(o0) => {
            print("Cons")
            print(o0)
        },
    }
}
