// A panic inside an expression stops it there: operands to its right never run.
fn main() {
    let big = 10
    let x = { print(1); big } + if big > 5 { panic("in the middle") } else { 0 } + { print(2); 5 }
    print(x)
}
