use modules.lib
use modules.other.{volume}

fn main() {
    print(lib.nothing(1))
    print(lib.SIZE)
}
