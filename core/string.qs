// core.string: the bytes of Strings. A String is immutable bytes (the UTF-8 of
// its text); every index here counts bytes, as `len` does.
module string

// The byte at index `i`, 0 to 255: `byte_at("A", 0)` is 65. An index outside
// `0 .. len(s) - 1` panics with `index out of bounds`.
pub fn byte_at(s: String, i: Int) -> Int {
    string_byte(s, i)
}

// The bytes of `s` from `start` up to (not including) `end`:
// `slice("hello", 1, 3)` is "el". Unless `0 <= start <= end <= len(s)`, or when
// a bound falls inside a character's UTF-8, it panics with `index out of bounds`.
pub fn slice(s: String, start: Int, end: Int) -> String {
    string_slice(s, start, end)
}

// Where `pattern` first occurs in `s`, as a byte index: `find("banana", "na")`
// is `Some(2)`; `None` when it does not occur. The empty pattern occurs at 0.
pub fn find(s: String, pattern: String) -> Option[Int] {
    for i in 0..len(s) - len(pattern) + 1 {
        if occurs_at(s, pattern, i) { return Some(i) }
    }
    None
}

// Whether `s` begins with `prefix` (every String begins with "").
pub fn starts_with(s: String, prefix: String) -> Bool {
    len(prefix) <= len(s) && occurs_at(s, prefix, 0)
}

// Whether the bytes of `pattern` are those of `s` from index `at` on (which must fit).
fn occurs_at(s: String, pattern: String, at: Int) -> Bool {
    for j in 0..len(pattern) {
        if string_byte(s, at + j) != string_byte(pattern, j) { return false }
    }
    true
}

// The decimal digits of `n`, `-` first when negative: `to_string(-42)` is "-42".
pub fn to_string(n: Int) -> String {
    n.show()
}

// The Int that `s` writes in decimal: an optional `-`, then one or more digits,
// nothing else (no spaces, no `+`). `Err` says why not: `parse_int("12")` is
// `Ok(12)`, `parse_int("1x")` is `Err("not an integer: \"1x\"")`, and a number
// outside the Int range is `Err("out of range: \"...\"")`.
pub fn parse_int(s: String) -> Result[Int, String] {
    let negative = len(s) > 0 && string_byte(s, 0) == 45 // '-'
    let start = if negative { 1 } else { 0 }
    if start == len(s) { return Err("not an integer: \"" + s + "\"") }
    // Gathered as minus the magnitude, so that the smallest Int fits.
    let limit = (-9223372036854775807 - 1) / 10 // its last digit: 8
    let mut value = 0
    for i in start..len(s) {
        let d = string_byte(s, i) - 48 // '0'
        if d < 0 || d > 9 { return Err("not an integer: \"" + s + "\"") }
        if value < limit || (value == limit && d > 8) { return Err("out of range: \"" + s + "\"") }
        value = value * 10 - d
    }
    if negative { return Ok(value) }
    if value == -9223372036854775807 - 1 { return Err("out of range: \"" + s + "\"") }
    Ok(-value)
}

// `s` written `count` times one after the other: `repeat("ab", 3)` is
// "ababab"; "" for 0. A negative count panics with `negative count`.
pub fn repeat(s: String, count: Int) -> String {
    if count < 0 { panic("negative count") }
    // Doubling: O(log count) concatenations.
    let mut result = ""
    let mut piece = s
    let mut n = count
    while n > 0 {
        if n % 2 == 1 { result = result + piece }
        n /= 2
        if n > 0 { piece = piece + piece }
    }
    result
}

// The Strings of `parts` one after the other, `separator` between each two:
// `join(["a", "b", "c"], ", ")` is "a, b, c"; "" for no parts.
pub fn join(parts: Array[String], separator: String) -> String {
    let mut result = ""
    for i in 0..len(parts) {
        if i > 0 { result = result + separator }
        result = result + parts[i]
    }
    result
}
