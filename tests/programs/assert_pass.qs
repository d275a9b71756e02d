// Asserts that hold do nothing, also with side effects in their condition.
fn main() {
    let mut n = 0
    for i in 0..5 {
        assert({ n += i; n >= 0 })
        assert(i < 5)
    }
    print(n)
    assert(true)
    assert(!false || { panic("unreachable") })
    print(n * 2)
}
