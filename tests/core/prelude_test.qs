// The prelude's tests, run by `qnano test` on both targets (tests/core.test.ts):
// Option and Result have Eq and Show over their parameters', so assert_eq
// compares them and shows both sides; the tests named ..._fails fail on
// purpose, and tests/core/prelude_test.out says with which message.
use core.test.{assert_eq}
use core.string.{parse_int, find}

fn test_options_equal() {
    assert_eq(Some(3), Some(1 + 2))
    assert_eq(find("abcabc", "ca"), Some(2))
    assert_eq(find("abc", "x"), None)
    let none: Option[Int] = None
    assert_eq(none == Some(0), false)
    assert_eq(Some(1) != Some(2), true)
    assert_eq(Some(Some("a")), Some(Some("a")))
}

fn test_results_equal() {
    assert_eq(parse_int("12"), Ok(12))
    assert_eq(parse_int("-7"), Ok(-7))
    assert_eq(parse_int("1x"), Err("not an integer: \"1x\""))
    assert_eq(parse_int("12") == Err("12"), false)
    assert_eq(parse_int("x") == Ok(0), false)
}

fn test_show() {
    assert_eq(Some(12).show(), "Some(12)")
    let none: Option[Bool] = None
    assert_eq(none.show(), "None")
    assert_eq(Some(Some(true)).show(), "Some(Some(true))")
    let ok: Result[Int, String] = Ok(-5)
    assert_eq(ok.show(), "Ok(-5)")
    assert_eq(parse_int("").show(), "Err(not an integer: \"\")")
}

fn test_option_fails() {
    assert_eq(find("abc", "c"), Some(1))
}

fn test_none_fails() {
    assert_eq(find("abc", "c"), None)
}

fn test_result_fails() {
    assert_eq(parse_int("12x"), Ok(12))
}
