// closure_calls: 50 million calls through a closure that captured two values
// (issue 17). The closure is one heap object (its code and a, b); each call
// loads its code and passes it as the environment. closure_calls.c is the same
// program in C: a function pointer called with an explicit context struct.
fn make(a: Int, b: Int) -> fn(Int, Int) -> Int {
    fn(x: Int, acc: Int) -> Int { (acc ^ x) + a * x - b }
}

fn main() {
    let f = make(3, 7)
    let mut sum = 0
    for i in 0..50_000_000 {
        sum = f(i, sum)
    }
    print(sum)
}
