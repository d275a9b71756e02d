// A variable whose type is found later (`let mut best = None`) matched by a
// tuple pattern before anything fixes it: the pattern says it is a pair.
fn main() {
    let mut best = None
    for i in 0..4 {
        best = match best {
            None => Some((i, i * 2)),
            Some((j, b)) => if i * 3 > b { Some((i, i * 3)) } else { Some((j, b)) },
        }
    }
    match best {
        Some((at, value)) => { print(at); print(value) },
        None => print(-1),
    }
}
