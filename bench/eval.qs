// eval: match-heavy. An arithmetic expression over a variable x, as a union,
// is built once (a balanced tree of 2^14 leaves), simplified by nested
// patterns (x * 1, 0 + e, - - e, ...), then evaluated for 1,500 values of x;
// every step is a match. Prints the simplified tree's size and the sum of the
// values. eval.c is the same program in C: a tagged struct and switches, each
// node malloc'ed and freed.
union Expr { Var, Num(n: Int), Add(a: Expr, b: Expr), Mul(a: Expr, b: Expr), Neg(e: Expr) }

fn build(depth: Int, seed: Int) -> Expr {
    if depth == 0 {
        match (seed / 65536) % 6 { 0 => Var, 1 => Var, 2 => Num(1), 3 => Num(0), _ => Num(seed % 7 + 2) }
    } else {
        let left = build(depth - 1, (seed * 1103515245 + 12345) % 2147483648)
        let right = build(depth - 1, (seed * 69069 + 1) % 2147483648)
        match (seed / 65536) % 5 { 0 => Add(left, right), 1 => Add(left, right), 2 => Mul(left, right), 3 => Add(Neg(left), right), _ => Neg(Add(left, Neg(right))) }
    }
}

fn simplify(e: Expr) -> Expr {
    match e {
        Add(a, b) => match (simplify(a), simplify(b)) {
            (Num(0), y) => y,
            (y, Num(0)) => y,
            (Num(m), Num(n)) => Num(m + n),
            (y, z) => Add(y, z),
        },
        Mul(a, b) => match (simplify(a), simplify(b)) {
            (Num(0), _) => Num(0),
            (_, Num(0)) => Num(0),
            (Num(1), y) => y,
            (y, Num(1)) => y,
            (y, z) => Mul(y, z),
        },
        Neg(a) => match simplify(a) {
            Neg(y) => y,
            Num(n) => Num(-n),
            y => Neg(y),
        },
        other => other,
    }
}

fn eval(e: Expr, x: Int) -> Int {
    match e {
        Var => x,
        Num(n) => n,
        Add(a, b) => (eval(a, x) + eval(b, x)) & 1048575,
        Mul(a, b) => (eval(a, x) * eval(b, x)) & 1048575,
        Neg(a) => (0 - eval(a, x)) & 1048575,
    }
}

fn size(e: Expr) -> Int {
    match e {
        Add(a, b) => 1 + size(a) + size(b),
        Mul(a, b) => 1 + size(a) + size(b),
        Neg(a) => 1 + size(a),
        _ => 1,
    }
}

fn main() {
    let e = simplify(build(14, 1))
    print(size(e))
    let mut sum = 0
    for x in 0..1500 { sum += eval(e, x) }
    print(sum)
}
