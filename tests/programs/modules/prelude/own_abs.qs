// A module that hides two of the prelude's names with its own items: its code
// means its own, every other module still means the prelude's.
pub fn abs(x: Int) -> Int { x * 100 }

union Maybe { Some(v: Int), Nothing }

pub fn twice_abs(x: Int) -> Int { abs(x) + abs(x) }

// Its own Some; the prelude's Option is still here, by its other names.
pub fn first_some(x: Int) -> Int {
    let m = Some(x)
    match m {
        Some(v) => v,
        Nothing => unwrap_or(None, 0),
    }
}
