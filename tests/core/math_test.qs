// core.math's tests, run by `qnano test` on both targets (tests/core.test.ts).
use core.math
use core.test.{assert_eq}

fn test_gcd() {
    assert_eq(math.gcd(12, 18), 6)
    assert_eq(math.gcd(-12, 18), 6)
    assert_eq(math.gcd(12, -18), 6)
    assert_eq(math.gcd(7, 0), 7)
    assert_eq(math.gcd(0, -7), 7)
    assert_eq(math.gcd(0, 0), 0)
    assert_eq(math.gcd(17, 5), 1)
    // 2^63 does not fit: it wraps to the smallest Int, as abs does.
    assert_eq(math.gcd(-9223372036854775807 - 1, 0), -9223372036854775807 - 1)
}

fn test_lcm() {
    assert_eq(math.lcm(4, 6), 12)
    assert_eq(math.lcm(-4, 6), 12)
    assert_eq(math.lcm(0, 5), 0)
    assert_eq(math.lcm(7, 7), 7)
    assert_eq(math.lcm(1_000_000_007, 998_244_353), 998_244_359_987_710_471)
}

fn test_pow() {
    assert_eq(math.pow(3, 4), 81)
    assert_eq(math.pow(-2, 3), -8)
    assert_eq(math.pow(5, 0), 1)
    assert_eq(math.pow(0, 0), 1)
    assert_eq(math.pow(2, 62), 4_611_686_018_427_387_904)
    // Wrapping, as * does.
    assert_eq(math.pow(2, 63), -9223372036854775807 - 1)
    assert_eq(math.pow(2, 64), 0)
    assert_eq(math.pow(3, 41), 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3)
}

fn test_pow_negative_exponent_panics() {
    let never = math.pow(2, -1)
}

fn test_isqrt() {
    assert_eq(math.isqrt(0), 0)
    assert_eq(math.isqrt(1), 1)
    assert_eq(math.isqrt(15), 3)
    assert_eq(math.isqrt(16), 4)
    assert_eq(math.isqrt(17), 4)
    assert_eq(math.isqrt(9_223_372_030_926_249_001), 3_037_000_499)
    assert_eq(math.isqrt(9_223_372_030_926_249_000), 3_037_000_498)
    assert_eq(math.isqrt(9223372036854775807), 3_037_000_499)
    for n in 0..2000 {
        let r = math.isqrt(n)
        assert(r * r <= n && (r + 1) * (r + 1) > n)
    }
}

fn test_isqrt_of_a_negative_panics() {
    let never = math.isqrt(-1)
}

fn test_clamp() {
    assert_eq(math.clamp(5, 0, 10), 5)
    assert_eq(math.clamp(-5, 0, 10), 0)
    assert_eq(math.clamp(15, 0, 10), 10)
    assert_eq(math.clamp(3, 3, 3), 3)
    assert_eq(math.clamp("m", "a", "k"), "k")
}

fn test_clamp_with_lo_above_hi_panics() {
    let never = math.clamp(1, 2, 0)
}

fn test_sign() {
    assert_eq(math.sign(-7), -1)
    assert_eq(math.sign(0), 0)
    assert_eq(math.sign(42), 1)
    assert_eq(math.sign(-9223372036854775807 - 1), -1)
}
