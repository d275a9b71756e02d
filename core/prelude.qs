// The prelude: Quastra that every program is compiled with (shared/quastra-brief.md §6).
//
// Its names are an outer scope: a program's own item or constructor of the
// same name hides the prelude's in the program, while the prelude's code, and
// the language's own constructs (`try` unwraps the prelude's Result), still
// mean the prelude's. Only what a program uses is compiled into it.
// spec/language.md, "The prelude", lists what is here.

// A value that may be missing: `Some(v)`, or `None`.
union Option[T] { Some(value: T), None }

// The outcome of something that may fail: `Ok(v)`, or `Err(e)` saying why.
// `try r` gives the value of an Ok, and returns an Err from the function.
union Result[T, E] { Ok(value: T), Err(error: E) }

// The value of a `Some`; panics with `unwrap of None` on `None`.
fn unwrap[T](option: Option[T]) -> T {
    match option {
        Some(value) => value,
        None => panic("unwrap of None"),
    }
}

// The value of a `Some`, or `default` for `None`.
fn unwrap_or[T](option: Option[T], default: T) -> T {
    match option {
        Some(value) => value,
        None => default,
    }
}

fn is_some[T](option: Option[T]) -> Bool {
    match option {
        Some(_) => true,
        None => false,
    }
}

fn is_none[T](option: Option[T]) -> Bool {
    !is_some(option)
}

fn is_ok[T, E](result: Result[T, E]) -> Bool {
    match result {
        Ok(_) => true,
        Err(_) => false,
    }
}

fn is_err[T, E](result: Result[T, E]) -> Bool {
    !is_ok(result)
}

// The absolute value; `abs(-9223372036854775808)` wraps to itself, as `-` does.
fn abs(x: Int) -> Int {
    if x < 0 { -x } else { x }
}
