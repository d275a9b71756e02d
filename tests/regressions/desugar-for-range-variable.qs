// Found by `qnano props`: pass (desugar-for). The pass crashes: "no type known for a.1"
// (typeContext knows no type for a range `for` variable, used in `array(2, a)`).
fn main() {
    if false {} else {
        for a in (0 & 3)..(0 & 3) {
            for a in array(2, a) {}
        }
    }
    ()
}
