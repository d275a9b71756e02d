// A folder of the program named `core`: `use core.util` is its core/util.qs,
// while `use core.math` is still the compiler's (core/math.qs here is never read).
use core.util
use core.math.{gcd}

fn main() {
    print(util.twice(21))
    print(gcd(12, 18))
}
