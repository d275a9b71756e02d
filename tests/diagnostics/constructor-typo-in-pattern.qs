// A constructor mistyped in a pattern is a name, which binds every value.
union Light { Red, Amber, Green }
fn wait(l: Light) -> Int {
    match l {
        Red => 30,
        Ambr => 5,
        Green => 0,
    }
}
fn main() { print(wait(Green)) }
