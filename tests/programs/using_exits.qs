// `using`: the drops of a block run the last `using` first, on every way out
// of it: its end (after its value is computed), `return` (after the value
// returned is computed, also `return f(x)`), `try`, `break` and `continue`;
// a `using` not yet reached is not dropped. The resources hold strings, so
// the leak check sees each released after its drop ran.

record Res { name: String }

impl Res {
    fn drop(self) { print("drop " + self.name) }
}

fn take(name: String) -> Res {
    print("take " + name)
    Res { name: name }
}

fn length(s: String) -> Int {
    print("length of " + s)
    len(s)
}

// The value returned is computed before the drops: `length` prints first.
fn by_return(s: String) -> Int {
    using a = take("a")
    using b = take("b")
    return length(s + a.name + b.name)
}

fn checked(n: Int) -> Result[Int, String] {
    if n < 0 { Err("negative") } else { Ok(n) }
}

// `try` returns the Err from inside the block: its drops run.
fn by_try(n: Int) -> Result[Int, String] {
    using r = take("try " + n.show())
    let m = try checked(n)
    using s = take("after " + m.show())
    Ok(m + 1)
}

// The block's value is computed, then its drops run.
fn by_end() -> Int {
    using r = take("end")
    { using inner = take("inner"); len(inner.name) } + len(r.name)
}

fn main() {
    print(by_return("xy"))
    match by_try(3) { Ok(v) => print(v), Err(e) => print(e) }
    match by_try(-1) { Ok(v) => print(v), Err(e) => print(e) }
    print(by_end())
    let mut i = 0
    while i < 5 {
        i += 1
        using r = take("loop " + i.show())
        if i == 2 { continue }
        if i == 4 { break }
        using s = take("second " + i.show())
    }
    print(i)
}
