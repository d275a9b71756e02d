use modules.nowhere
use modules.geo.missing.{f}

fn main() {
    print(1)
}
