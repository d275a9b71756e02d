module something_else

pub fn one() -> Int { 1 }
