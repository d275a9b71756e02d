use modules.lib
use modules.lib.{Mode}

fn main() {
    print(lib.secret())
    let h = lib.Hidden { x: 1 }
    print(lib.area(2, 3))
}
