// Blocks are expressions: the value of the last expression, or () after a statement.
fn main() {
    let a = { 1 + 2 }
    print(a)
    let b = {
        let t = a * 10
        let u = t + 1
        u * 2
    }
    print(b)
    let c = { let x = { let y = 4; y * y }; x + { 1 } }
    print(c)
    let d = { print(100); 5 } + { print(200); 6 }
    print(d)
    let u = { let z = 1 }
    let v: Unit = ()
    print({ { { 42 } } })
}
