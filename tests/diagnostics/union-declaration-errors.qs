union Void {}
union Shape { Circle(r: Int), Square(side: Int, side: Int), Circle }
union Other { Empty, Square(w: Int) }
fn Empty() -> Int { 0 }
union Box { Full(x: Int) }
union Ordered[T: Ord] { One(x: T) }
fn max[T: Ord + Show](a: T, b: T) -> T { a }
fn main() { }
