pub fn perimeter(w: Int, h: Int) -> Int { 2 * (w + h) }
