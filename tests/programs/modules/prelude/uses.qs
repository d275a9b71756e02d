// A module that hides none of the prelude's names: it reaches the prelude's
// abs and Option, though the program's own file hides both.
pub fn positive(x: Int) -> Int { abs(x) }

pub fn wrapped(x: Int) -> Option[Int] { if x > 0 { Some(x) } else { None } }

pub fn show_unwrapped(o: Option[Int]) -> String { unwrap(o).show() }
