// The prelude: a module that every module imports implicitly (shared/quastra-brief.md §6).
//
// Its `pub` names are an outer scope: a module's own item or constructor, or
// an import, of the same name hides the prelude's in that module, while the
// prelude's code, and the language's own constructs (`try` unwraps the
// prelude's Result), still mean the prelude's. Only what a program uses is
// compiled into it. spec/language.md, "The prelude", lists what is here.

module prelude

// A value that may be missing: `Some(v)`, or `None`.
pub union Option[T] { Some(value: T), None }

// The outcome of something that may fail: `Ok(v)`, or `Err(e)` saying why.
// `try r` gives the value of an Ok, and returns an Err from the function.
pub union Result[T, E] { Ok(value: T), Err(error: E) }

// The value of a `Some`; panics with `unwrap of None` on `None`.
pub fn unwrap[T](option: Option[T]) -> T {
    match option {
        Some(value) => value,
        None => panic("unwrap of None"),
    }
}

// The value of a `Some`, or `default` for `None`.
pub fn unwrap_or[T](option: Option[T], default: T) -> T {
    match option {
        Some(value) => value,
        None => default,
    }
}

pub fn is_some[T](option: Option[T]) -> Bool {
    match option {
        Some(_) => true,
        None => false,
    }
}

pub fn is_none[T](option: Option[T]) -> Bool {
    !is_some(option)
}

pub fn is_ok[T, E](result: Result[T, E]) -> Bool {
    match result {
        Ok(_) => true,
        Err(_) => false,
    }
}

pub fn is_err[T, E](result: Result[T, E]) -> Bool {
    !is_ok(result)
}

// The absolute value; `abs(-9223372036854775808)` wraps to itself, as `-` does.
pub fn abs(x: Int) -> Int {
    if x < 0 { -x } else { x }
}

// The protocols the language's own constructs use: `==` and `!=` on a type
// other than Int, Bool and String call its Eq, `<` `<=` `>` `>=` its Ord
// (`a < b` is `a.cmp(b) < 0`), and so do they in generic code, where a type
// parameter needs the bound (`T: Ord`).

// Equality: `eq` is true when the two are the same value.
pub protocol Eq { fn eq(self, other: Self) -> Bool }

// Order: `cmp` is negative when self comes first, zero when they are equal, positive after.
pub protocol Ord { fn cmp(self, other: Self) -> Int }

// A value as text.
pub protocol Show { fn show(self) -> String }

impl Eq for Int { fn eq(self, other: Int) -> Bool { self == other } }
impl Ord for Int { fn cmp(self, other: Int) -> Int { if self < other { -1 } else if self > other { 1 } else { 0 } } }
impl Show for Int {
    // Its decimal digits, `-` first when negative; built from the last digit up, each
    // digit taken from a negative number so that the smallest Int needs no special case.
    fn show(self) -> String {
        if self == 0 { return "0" }
        let mut n = if self < 0 { self } else { -self }
        let mut digits = ""
        while n != 0 {
            digits = show_digit(-(n % 10)) + digits
            n = n / 10
        }
        if self < 0 { "-" + digits } else { digits }
    }
}

// The digit 0 to 9 as text.
fn show_digit(d: Int) -> String {
    match d { 0 => "0", 1 => "1", 2 => "2", 3 => "3", 4 => "4", 5 => "5", 6 => "6", 7 => "7", 8 => "8", _ => "9" }
}

impl Eq for Bool { fn eq(self, other: Bool) -> Bool { self == other } }
// `false` comes before `true`.
impl Ord for Bool { fn cmp(self, other: Bool) -> Int { if self == other { 0 } else if self { 1 } else { -1 } } }
impl Show for Bool { fn show(self) -> String { if self { "true" } else { "false" } } }

impl Eq for String { fn eq(self, other: String) -> Bool { self == other } }
// Byte by byte, a prefix first: `"ab" < "b"`, `"a" < "ab"`.
impl Ord for String { fn cmp(self, other: String) -> Int { if self < other { -1 } else if self == other { 0 } else { 1 } } }
impl Show for String { fn show(self) -> String { self } }

// The smaller of the two (the first when they are equal).
pub fn min[T: Ord](a: T, b: T) -> T { if b < a { b } else { a } }

// The larger of the two (the second when they are equal).
pub fn max[T: Ord](a: T, b: T) -> T { if a > b { a } else { b } }

// The same four as methods: `o.unwrap()`, `o.unwrap_or(0)`, `o.is_some()`, `o.is_none()`.
impl[T] Option[T] {
    fn unwrap(self) -> T { unwrap(self) }
    fn unwrap_or(self, default: T) -> T { unwrap_or(self, default) }
    fn is_some(self) -> Bool { is_some(self) }
    fn is_none(self) -> Bool { is_none(self) }
}

// And these two: `r.is_ok()`, `r.is_err()`.
impl[T, E] Result[T, E] {
    fn is_ok(self) -> Bool { is_ok(self) }
    fn is_err(self) -> Bool { is_err(self) }
}

// Two Options are equal when both are None, or both Some of equal values.
impl[T: Eq] Eq for Option[T] {
    fn eq(self, other: Option[T]) -> Bool {
        match self {
            Some(a) => match other { Some(b) => a == b, None => false },
            None => is_none(other),
        }
    }
}

// `Some(` the value's show `)`, or `None`.
impl[T: Show] Show for Option[T] {
    fn show(self) -> String {
        match self {
            Some(value) => "Some(" + value.show() + ")",
            None => "None",
        }
    }
}

// Two Results are equal when both are Ok of equal values, or both Err of equal errors.
impl[T: Eq, E: Eq] Eq for Result[T, E] {
    fn eq(self, other: Result[T, E]) -> Bool {
        match self {
            Ok(a) => match other { Ok(b) => a == b, Err(_) => false },
            Err(a) => match other { Ok(_) => false, Err(b) => a == b },
        }
    }
}

// `Ok(` the value's show `)`, or `Err(` the error's show `)`.
impl[T: Show, E: Show] Show for Result[T, E] {
    fn show(self) -> String {
        match self {
            Ok(value) => "Ok(" + value.show() + ")",
            Err(error) => "Err(" + error.show() + ")",
        }
    }
}
