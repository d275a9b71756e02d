use cycle_a
pub fn c() -> Int { 3 }
