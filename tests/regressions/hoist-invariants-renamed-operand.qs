// Found by `qnano fuzz --seed 60606`: interpreter crash after hoist-invariants.
// The inner loop computes `i * 3` twice: both move before it, and the second's
// variable (tmp.3) is read as the first's (tmp.5), the renaming done at the
// end. Meanwhile the outer loop took `tmp.4 = tmp.3 + 1` for invariant, as no
// statement of it assigned tmp.3 any more, and moved it before itself, where
// its holder, assigned in the outer loop, was not yet set. An operand renamed
// is now read as its holder when the loop around is looked at.
fn main() {
    let mut i = 0
    while true {
        for j in 0..3 {
            if (((i * 3) + 1) == 7) {
                exit(0)
            }
            ((i * 3) + j)
        }
        i += 1
    }
}
