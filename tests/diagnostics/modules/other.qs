pub fn area(r: Int) -> Int { 3 * r * r }
