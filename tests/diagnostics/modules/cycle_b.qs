use cycle_c
pub fn b() -> Int { 2 }
