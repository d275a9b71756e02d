// `match` wherever an expression may stand.
union Color { Red, Green, Blue }
record Paint { color: Color, coats: Int }

fn code(c: Color) -> Int { match c { Red => 1, Green => 2, Blue => 3 } }

fn early(n: Int) -> Int {
    let x = match n { 0 => { return 100 }, k => k }
    x * 2
}

fn main() {
    let c = Blue
    let a = match c { Red => 10, _ => 20 }                          // a let's value
    print(a)
    print(match c { Blue => 7, _ => 8 })                            // an argument
    print(1 + match c { Green => 100, _ => 1000 } * 2)              // an operand
    if match c { Blue => true, _ => false } { print(3) }            // a condition
    let mut i = 0
    while match i { 0 => true, 1 => true, _ => false } { i += 1 }          // a loop condition
    print(i)
    for j in match c { Red => 0, _ => 2 }..match c { Blue => 4, _ => 0 } { print(j) }   // range bounds
    let t = (match c { Red => 1, _ => 2 }, match Red { Red => true, _ => false })       // tuple elements
    print(t.0)
    print(t.1)
    let p = Paint { color: match t.1 { true => Green, false => Red }, coats: 2 }        // a field
    print(code(p.color))
    let arr = array(match c { Blue => 3, _ => 1 }, 0)                                    // a built-in's argument
    arr[match c { Blue => 2, _ => 0 }] = 9                                               // an index
    print(arr[2])
    let nested = match match c { Blue => Red, other => other } { Red => "red", _ => "other" }  // a scrutinee
    print(nested)
    let guard = match 5 { n if match n { 5 => true, _ => false } => "five", _ => "not" }  // a guard
    print(guard)
    let tail = { let k = 4; match k { 4 => 40, _ => 0 } }                               // a block's tail
    print(tail)
    let mut v = 0
    v = match v { 0 => 11, _ => 12 }                                                     // an assignment
    v += match v { 11 => 1, _ => 2 }
    print(v)
    print(early(0))
    print(early(4))
    print(-match c { Blue => 5, _ => 6 })                                                // a unary operand
    print(match c { Red => 1, Green => 2, Blue => match t { (2, true) => 30, _ => 40 } })   // an arm's body
    let b = Box(match c { Blue => 1, _ => 2 })
    b.set(match b.get() { 1 => 10, _ => 20 })
    print(b.get())
}
