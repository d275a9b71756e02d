// FizzBuzz with numbers only: 0 for Fizz, -1 for Buzz, -2 for FizzBuzz.
fn main() {
    for i in 1..21 {
        let v = if i % 15 == 0 { -2 } else if i % 3 == 0 { 0 } else if i % 5 == 0 { -1 } else { i }
        print(v)
    }
}
