use cycle_b
pub fn a() -> Int { 1 }
