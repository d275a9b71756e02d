// A module used through another (lib/shapes.qs) and directly (../all.qs): its
// tests run once with `qnano test --all`; one fails on purpose.
pub fn double(x: Int) -> Int { x * 2 }

fn test_double_zero() {
    assert(double(0) == 0)
}

fn test_double_fails() {
    assert(double(2) == 5)
}
