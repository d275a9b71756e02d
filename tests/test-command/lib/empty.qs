// A module without tests: `qnano test --all` on ../all.qs compiles nothing for it.
pub fn one() -> Int { 1 }
