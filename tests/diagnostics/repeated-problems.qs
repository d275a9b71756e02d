// One problem is reported once (issue 14.14): a run of stray characters,
// blanks between them included, is one error; a message repeated on a line
// is said once.
@@@@ @@ # @
0x 0x 0x 0x
}}}}}
fn main() {
    let a = 1_ + 2_ + 3_
}
