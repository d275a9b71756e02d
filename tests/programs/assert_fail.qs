// A failing assert panics with `assertion failed`; passing ones do nothing.
fn main() {
    let x = 5
    assert(x == 5)
    assert(x > 0 && x < 10)
    print(x)
    assert(x % 2 == 0)
    print(0)
}
