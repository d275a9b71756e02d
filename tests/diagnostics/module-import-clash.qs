use modules.lib.{area}
use modules.other

fn area() -> Int { 0 }

fn other() -> Int { 1 }

fn main() {
    print(area())
}
