protocol Show { fn show(self) -> String }
impl Show for Int { fn show(self) -> String { "n" } }
fn main() {
    let s = scope { 2 }
}
