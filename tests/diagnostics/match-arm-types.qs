fn main() {
    let x = 3
    let a = match x { 1 => 10, _ => true }
    let b = match x { n if n => 1, _ => 2 }
    let c = match panic("no") { _ => 1 }
    let d = match x { 1 => { return }, _ => 5 }
    match x { y => { y = 2 } }
}
