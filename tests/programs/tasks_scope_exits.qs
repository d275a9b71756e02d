// A scope ends only after every task spawned in it has finished, however its
// block is left: by a `return` (of a value, of a call, or by `?`), a `break`
// or a `continue` (brief, Concurrency). Each exit here leaves a scope whose
// task has not run yet: the task runs as the scope ends, before the code after.

fn early(n: Int) -> Int {
    scope {
        spawn { print(n) }
        if n > 0 { return n * 2 }
        print(0)
    }
    7
}

// Two scopes left by one return: the inner one ends first.
fn nested(n: Int) -> Int {
    scope {
        spawn { print(n + 1000) }
        scope {
            spawn { print(n + 2000) }
            if n > 1 { return n }
        }
        print(-1)
    }
    0
}

fn shout(k: Int) -> Int {
    print(k + 500)
    k
}

// `return f(x)`: f runs inside the scope, before its task.
fn through(k: Int) -> Int {
    scope {
        spawn { print(k + 300) }
        return shout(k)
    }
}

fn half(n: Int) -> Result[Int, Int] {
    if n % 2 == 0 { Ok(n / 2) } else { Err(n) }
}

// `try` returns the Err from inside the scope.
fn halves(n: Int) -> Result[Int, Int] {
    scope {
        spawn { print(n + 700) }
        let h = try half(n)
        print(h)
    }
    Ok(n)
}

fn main() {
    print(early(5))
    print(early(0))
    print(nested(3))
    print(through(4))
    match halves(6) {
        Ok(v) => print(v),
        Err(e) => print(-e),
    }
    match halves(7) {
        Ok(v) => print(v),
        Err(e) => print(-e),
    }
    let mut i = 0
    while i < 5 {
        i += 1
        scope {
            spawn { print(100 + i) }
            if i == 2 { continue }
            if i == 4 { break }
            print(i)
        }
    }
    // A loop inside a scope: its break leaves the loop, not the scope.
    scope {
        spawn { print(900) }
        let mut j = 0
        while true {
            j += 1
            if j == 3 { break }
        }
        print(j)
    }
    print(i)
}
