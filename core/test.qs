// core.test: what tests (`fn test_NAME()`, run by `qnano test`) check with.
module test

// Panics with `assertion failed: got <got>, want <want>` (each shown by its
// `Show`) unless `got == want` by their `Eq`: `assert_eq(len("abc"), 3)`.
pub fn assert_eq[T: Eq + Show](got: T, want: T) {
    if got != want { panic("assertion failed: got " + got.show() + ", want " + want.show()) }
}
