const LIMIT: Int = 3
record Point { x: Int }
fn helper(n: Int) -> Int { n }
fn main() {
    let mut total = 0
    for i in 0..LIMTI { totl += hlper(i) }
    print(Piont { x: 1 }.x)
    print(totla)
    print(xyz)
    let s = Som(3)
}
fn g(a: Strng, b: Pont, c: Array[Itn]) {}
record Pointy { y: Int }
fn h(n: Int) -> Int { n + nn + v }
