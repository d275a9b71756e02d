fn main() {
    let x = 3
    if { x > 2 } { print(x) }
    if x = 3 { print(x) }
    for i in { 0 }..3 { print(i) }
}
