// A for loop whose bound is the largest Int does not overflow its counter.
const MAX: Int = 9223372036854775807
fn main() {
    let mut count = 0
    for i in MAX - 3..MAX {
        print(i)
        count += 1
    }
    print(count)
    for i in MAX..MAX { print(0) }
}
