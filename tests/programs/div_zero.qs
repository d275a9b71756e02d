// Division by zero panics with `division by zero`, after the output before it.
fn main() {
    let a = 10
    let mut b = 2
    while true {
        print(a / b)
        b -= 1
    }
}
