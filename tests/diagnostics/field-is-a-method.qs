record P { x: Int }
impl P { fn twice(self) -> Int { self.x * 2 } }
fn main() {
    let o = Some(3)
    print(o.unwrap)
    let p = P { x: 1 }
    print(p.twice)
    print(p.y)
    print(o.value)
}
