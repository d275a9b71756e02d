// Tests that pass, for tests/test-command.test.ts. The file's own main is not
// run by `qnano test`: its entry replaces it.
fn add(a: Int, b: Int) -> Int { a + b }

// The slowest test first: its line still comes first.
fn test_slow_sum() {
    let mut s = 0
    for i in 0..3_000_000 { s += i % 3 }
    assert(s == 3_000_000)
}

fn test_add() { assert(add(2, 3) == 5) }

fn test_strings() {
    if "a" + "b" != "ab" { panic("concat is broken") }
}

fn main() { panic("main is not a test") }
