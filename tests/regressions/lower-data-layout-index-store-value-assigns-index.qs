// Found by issue 14 (item 4): lower-data-layout computed the value of `a[i] = e`
// into a new variable, then read i for the store: the block's `i = 2` moved the
// store to a[2]. Operands go left to right, so a[0] gets the 7.
fn main() {
    let a = array(3, 0)
    let mut i = 0
    a[i] = {
        i = 2
        7
    }
    print(a[0])
    print(a[2])
}
