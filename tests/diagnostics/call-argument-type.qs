fn twice(f: fn(Int) -> Int, x: Int) -> Int { f(f(x)) }
fn negate(b: Bool) -> Bool { !b }

fn main() {
    print(twice(negate, 3))
    print(twice(twice, true))
}
