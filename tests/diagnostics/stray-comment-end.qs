// A comment closed twice: the second `*/` has no comment to close.
fn main() {
    /* the answer */ */
    let x = 42
    print(x)
}
