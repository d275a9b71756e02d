// Literal patterns: Ints (negative too), Bools, Strings, and tuples of them.
fn describe(n: Int) -> String {
    match n {
        -1 => "minus one",
        0 => "zero",
        9223372036854775807 => "largest",
        -9223372036854775808 => "smallest",
        k if k < 0 => "negative",
        _ => "positive",
    }
}

fn greet(name: String, formal: Bool) -> String {
    match (name, formal) {
        ("", _) => "hello, nobody",
        (_, true) => "good day, " + name,
        ("bob", false) => "hi bob!",
        (other, false) => "hi " + other,
    }
}

fn main() {
    print(describe(-1))
    print(describe(0))
    print(describe(-7))
    print(describe(7))
    print(describe(9223372036854775807))
    print(describe(-9223372036854775807 - 1))
    print(greet("", true))
    print(greet("ann", true))
    print(greet("bob", false))
    print(greet("cy", false))
    let flags = (true, false)
    print(match flags { (true, true) => 3, (true, false) => 2, (false, true) => 1, (false, false) => 0 })
    print(match () { _ => "unit" })
}
