// `a[i] = e`, `a[i] op= e` and `a[i]` evaluate a, then i, then e, left to
// right: an assignment inside a later operand does not change which element
// an earlier one named (issue 14, item 4). Records out of field order too.
record Point { x: Int, y: Int }

fn main() {
    let a = array(3, 0)
    let mut i = 0
    a[i] = { i = 2; 7 }       // stores into a[0], then i is 2
    a[i] += { i = 1; 5 }      // reads and stores a[2], then i is 1
    print(a[0])
    print(a[1])
    print(a[2])

    let mut b = array(3, 1)
    let old = b
    let other = array(3, 2)
    b[0] = { b = other; 9 }   // the old array gets the 9
    print(old[0])
    print(other[0])
    b = old
    print(b[{ b = other; 0 }]) // reads the old array: 9
    b = old
    b[{ b = other; 1 }] = 4    // stores into the old array
    b = old
    b[{ b = other; 2 }] += 3   // reads and stores the old array
    print(old[1])
    print(old[2])
    print(other[1])
    print(other[2])

    let mut x = 1
    let p = Point { y: x, x: { x = 5; 2 } } // y is read before the block runs
    print(p.x)
    print(p.y)
}
