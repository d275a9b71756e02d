// Int arithmetic wraps modulo 2^64 at both ends.
const MAX: Int = 9223372036854775807
const MIN: Int = -9223372036854775808
fn main() {
    print(MAX + 1)
    print(MIN - 1)
    print(MAX + MAX)
    print(MAX * 2)
    print(MIN * -1)
    print(-MIN)
    print(MIN * MIN)
    print(MAX * MAX)
    let mut x = MAX
    x += 10
    print(x)
    print(4294967296 * 4294967296)
    print(3037000500 * 3037000500)
}
