// Unit: (), ifs without else, blocks ending in a statement, statements as values.
fn main() {
    let u = ()
    let v: Unit = { let z = 3 }
    let w = if true { print(1) }
    let mut n = 0
    let y = { n += 1 }
    let e = if n > 5 { 10 }
    print(n)
    if n == 1 { 7 }
    print(2)
}
