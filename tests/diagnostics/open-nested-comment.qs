// A block comment left open (comments nest): one error, at the `/*`, and none
// for the `{` the comment swallowed the `}` of.
fn main() {
    /* outer /* inner */ still outer
    print(1)
}
