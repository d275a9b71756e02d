// Of Int, Bool, String, Option and Result's methods only those of the prelude that the
// program uses are known: a message does not say the type has no others.
fn main() {
    print(3.show())
    print(3.sohw())
    print(true.len())
    let s = "abc"
    print(s.len())
    let a = array(2, 0)
    print(a.len())
}
