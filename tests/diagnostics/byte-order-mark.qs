// A byte-order mark at the start is skipped, not an error (issue 14.5):
// columns on the first line count from after it.
fn main() { let x: Int = true }
