// The prelude's private items are in no module's scope, the program's own file's included.
fn main() {
    print(show_digit(3))
}
