// Two functions named like tests that are none: said, not skipped without a word.
fn test_real() { assert(1 + 1 == 2) }
fn test_with_input(x: Int) { assert(x == 1) }
fn test_generic[T]() { assert(false) }
