// The prelude is a module: its private items are no more reachable than another module's.
use core.prelude
fn main() {
    print(prelude.show_digit(3))
}
