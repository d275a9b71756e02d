// An expression evaluator: expressions are a union, errors a Result.
union Expr {
    Num(value: Int),
    Var(name: String),
    Add(left: Expr, right: Expr),
    Mul(left: Expr, right: Expr),
    Div(left: Expr, right: Expr),
    Neg(inner: Expr),
    Let(name: String, value: Expr, body: Expr),
}

union Env { Empty, Bind(name: String, value: Int, rest: Env) }

fn lookup(env: Env, name: String) -> Result[Int, String] {
    match env {
        Empty => Err("unbound " + name),
        Bind(n, v, _) if n == name => Ok(v),
        Bind(_, _, rest) => lookup(rest, name),
    }
}

fn eval(e: Expr, env: Env) -> Result[Int, String] {
    match e {
        Num(n) => Ok(n),
        Var(name) => lookup(env, name),
        Add(a, b) => Ok(try eval(a, env) + try eval(b, env)),
        Mul(a, b) => Ok(try eval(a, env) * try eval(b, env)),
        Div(a, b) => {
            let d = try eval(b, env)
            if d == 0 { return Err("division by zero") }
            Ok(try eval(a, env) / d)
        }
        Neg(a) => Ok(-(try eval(a, env))),
        Let(name, value, body) => eval(body, Bind(name, try eval(value, env), env)),
    }
}

// Folds constants: Add(Num(a), Num(b)) becomes Num(a + b), and so on, bottom up.
fn simplify(e: Expr) -> Expr {
    match e {
        Add(a, b) => match (simplify(a), simplify(b)) {
            (Num(x), Num(y)) => Num(x + y),
            (Num(0), y) => y,
            (x, Num(0)) => x,
            (x, y) => Add(x, y),
        },
        Mul(a, b) => match (simplify(a), simplify(b)) {
            (Num(x), Num(y)) => Num(x * y),
            (Num(1), y) => y,
            (x, y) => Mul(x, y),
        },
        Neg(Neg(a)) => simplify(a),
        _ => e,
    }
}

fn show(r: Result[Int, String]) {
    match r { Ok(v) => print(v), Err(message) => print("error: " + message) }
}

fn main() {
    let env = Bind("x", 6, Bind("y", 7, Empty))
    show(eval(Mul(Var("x"), Var("y")), env))
    show(eval(Add(Num(1), Div(Num(10), Add(Var("x"), Neg(Num(6))))), env))
    show(eval(Var("z"), env))
    show(eval(Let("z", Num(5), Mul(Var("z"), Var("z"))), env))
    show(eval(simplify(Add(Mul(Num(1), Var("y")), Add(Num(2), Num(3)))), env))
    match simplify(Mul(Num(1), Neg(Neg(Var("x"))))) {
        Var(name) => print(name),
        _ => print("not simplified"),
    }
}
