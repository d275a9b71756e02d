// panic with a message computed at run time.
fn check(n: Int) {
    if n > 2 { panic("too big: " + "n was " + "three") }
    print(n)
}

fn main() {
    for i in 1..5 { check(i) }
}
