// core.string's tests, run by `qnano test` on both targets (tests/core.test.ts).
use core.string
use core.test.{assert_eq}

fn test_byte_at() {
    assert_eq(string.byte_at("A", 0), 65)
    assert_eq(string.byte_at("h\u{e9}", 1), 195)
    assert_eq(string.byte_at("h\u{e9}", 2), 169)
}

fn test_byte_at_out_of_range_panics() {
    let never = string.byte_at("abc", 3)
}

fn test_slice() {
    assert_eq(string.slice("hello", 1, 3), "el")
    assert_eq(string.slice("hello", 0, 5), "hello")
    assert_eq(string.slice("hello", 5, 5), "")
    assert_eq(string.slice("h\u{e9}llo", 1, 3), "\u{e9}")
}

fn test_slice_inside_a_character_panics() {
    let never = string.slice("h\u{e9}llo", 1, 2)
}

fn test_slice_backwards_panics() {
    let never = string.slice("hello", 3, 2)
}

// Where find finds the pattern, -1 for None.
fn found(s: String, pattern: String) -> Int {
    unwrap_or(string.find(s, pattern), -1)
}

fn test_find() {
    assert_eq(found("banana", "na"), 2)
    assert_eq(found("banana", "banana"), 0)
    assert_eq(found("banana", "nab"), -1)
    assert_eq(found("banana", ""), 0)
    assert_eq(found("", "a"), -1)
    assert_eq(found("", ""), 0)
    assert_eq(found("ab", "abc"), -1)
    assert_eq(found("caf\u{e9}!", "!"), 5)
}

fn test_starts_with() {
    assert(string.starts_with("hello", "he"))
    assert(string.starts_with("hello", ""))
    assert(string.starts_with("hello", "hello"))
    assert(!string.starts_with("hello", "hello!"))
    assert(!string.starts_with("hello", "el"))
    assert(!string.starts_with("", "a"))
}

fn test_to_string() {
    assert_eq(string.to_string(0), "0")
    assert_eq(string.to_string(-42), "-42")
    assert_eq(string.to_string(9223372036854775807), "9223372036854775807")
    assert_eq(string.to_string(-9223372036854775807 - 1), "-9223372036854775808")
}

// What parse_int gives, as text: `ok 12`, or `err` and why.
fn parsed(s: String) -> String {
    match string.parse_int(s) {
        Ok(n) => "ok " + n.show(),
        Err(why) => "err " + why,
    }
}

fn test_parse_int() {
    assert_eq(parsed("12"), "ok 12")
    assert_eq(parsed("-12"), "ok -12")
    assert_eq(parsed("007"), "ok 7")
    assert_eq(parsed("-0"), "ok 0")
    assert_eq(parsed("9223372036854775807"), "ok 9223372036854775807")
    assert_eq(parsed("-9223372036854775808"), "ok -9223372036854775808")
}

fn test_parse_int_errors() {
    assert_eq(parsed(""), "err not an integer: \"\"")
    assert_eq(parsed("-"), "err not an integer: \"-\"")
    assert_eq(parsed("1x"), "err not an integer: \"1x\"")
    assert_eq(parsed(" 1"), "err not an integer: \" 1\"")
    assert_eq(parsed("+1"), "err not an integer: \"+1\"")
    assert_eq(parsed("9223372036854775808"), "err out of range: \"9223372036854775808\"")
    assert_eq(parsed("-9223372036854775809"), "err out of range: \"-9223372036854775809\"")
    assert_eq(parsed("99999999999999999999"), "err out of range: \"99999999999999999999\"")
}

fn to_option(r: Result[Int, String]) -> Option[Int] {
    match r { Ok(n) => Some(n), Err(_) => None }
}

fn test_parse_int_round_trips() {
    let mut n = 1
    for i in 0..63 {
        assert_eq(unwrap(to_option(string.parse_int(string.to_string(n)))), n)
        assert_eq(unwrap(to_option(string.parse_int(string.to_string(-n)))), -n)
        n = n * 2 + i % 2
    }
}

fn test_repeat() {
    assert_eq(string.repeat("ab", 3), "ababab")
    assert_eq(string.repeat("ab", 0), "")
    assert_eq(string.repeat("", 5), "")
    assert_eq(string.repeat("x", 1), "x")
    assert_eq(len(string.repeat("abc", 1000)), 3000)
    assert_eq(string.repeat("\u{e9}", 2), "\u{e9}\u{e9}")
}

fn test_repeat_negative_panics() {
    let never = string.repeat("a", -1)
}

// An array of the first `n` of a, b, c.
fn strings(n: Int, a: String, b: String, c: String) -> Array[String] {
    let parts = array(n, a)
    if n > 1 { parts[1] = b }
    if n > 2 { parts[2] = c }
    parts
}

fn test_join() {
    assert_eq(string.join(strings(3, "a", "b", "c"), ", "), "a, b, c")
    assert_eq(string.join(strings(1, "a", "b", "c"), ", "), "a")
    assert_eq(string.join(strings(0, "a", "b", "c"), ", "), "")
    assert_eq(string.join(strings(2, "", "", ""), "-"), "-")
}
