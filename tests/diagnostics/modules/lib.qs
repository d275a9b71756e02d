pub fn area(w: Int, h: Int) -> Int { w * h }

fn secret() -> Int { 42 }

record Hidden { x: Int }

union Mode { On, Off }

pub const SIZE: Int = 3

pub record Box2 { v: Int }

pub union Light { Red, Green }
