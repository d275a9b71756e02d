// `try` through three calls: an Err from the innermost returns from each in turn.
fn digit(c: Int) -> Result[Int, String] {
    if c < 0 || c > 9 { Err("not a digit") } else { Ok(c) }
}

fn two_digits(a: Int, b: Int) -> Result[Int, String] {
    let high = try digit(a)
    let low = try digit(b)
    Ok(high * 10 + low)
}

fn sum_of_pairs(a: Int, b: Int, c: Int, d: Int) -> Result[Int, String] {
    print(a)
    let first = try two_digits(a, b)
    print(first)
    let second = try two_digits(c, d)
    print(second)
    Ok(first + second)
}

fn report(r: Result[Int, String]) -> Int {
    match r {
        Ok(v) => v,
        Err(e) => { print(e); -1 }
    }
}

// `try` in a loop, and on a Result that names its error type through an alias.
type Problem = String
fn first_even(n: Int) -> Result[Int, Problem] {
    for i in 1..n {
        let v = try check(i)
        if v % 2 == 0 { return Ok(v) }
    }
    Err("no even number")
}
fn check(i: Int) -> Result[Int, Problem] { if i > 6 { Err("too big") } else { Ok(i * 3) } }

fn main() {
    print(report(sum_of_pairs(1, 2, 3, 4)))
    print(report(sum_of_pairs(1, 2, 30, 4)))
    print(report(sum_of_pairs(10, 2, 3, 4)))
    print(report(first_even(5)))
    print(report(first_even(1)))
    print(is_ok(two_digits(1, 1)))
    print(is_err(two_digits(1, 11)))
}
