// A scope has its block's value; a spawn is Unit, whatever its block's value (dropped).
fn main() {
    let a: Int = scope { 1 }
    let b: Int = scope { true }
    let c: Int = scope { spawn { 1 } }
    let d: Unit = scope { spawn { 1 } }
}
