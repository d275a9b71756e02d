use modules.lib.{area}
use modules.other.{area}
use modules.lib.{Light, Red}
use modules.lib
use modules.geo.lib

fn main() {
    print(area(1, 2))
}
