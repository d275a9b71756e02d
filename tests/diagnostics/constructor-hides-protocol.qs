// A union of the program names a constructor Eq: the prelude's protocol Eq is hidden.
union Cmp { Lt, Eq, Gt }
record P { x: Int }
impl Eq for P {
    fn eq(self, other: P) -> Bool { self.x == other.x }
}
fn main() {
    print(P { x: 1 } == P { x: 1 })
    match Eq { Eq => print("eq"), _ => print("other") }
}
