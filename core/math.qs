// core.math: integer arithmetic beyond the operators. Like the operators, it
// wraps modulo 2^64 where a result does not fit (brief §7).
module math

// The greatest common divisor of `a` and `b`, never negative: `gcd(12, -18)`
// is 6, `gcd(0, 0)` is 0. With the smallest Int and 0 (or itself), whose
// divisor 2^63 does not fit, it wraps to the smallest Int, as `abs` does.
pub fn gcd(a: Int, b: Int) -> Int {
    let mut x = abs(a)
    let mut y = abs(b)
    while y != 0 {
        let r = x % y
        x = y
        y = r
    }
    x
}

// The least common multiple of `a` and `b`, never negative (wrapping when it
// does not fit): `lcm(4, 6)` is 12; 0 when either is 0.
pub fn lcm(a: Int, b: Int) -> Int {
    if a == 0 || b == 0 { return 0 }
    abs(a / gcd(a, b) * b)
}

// `base` to the power `exp`, wrapping modulo 2^64 as `*` does: `pow(3, 4)` is
// 81, `pow(2, 64)` is 0, `pow(x, 0)` is 1. A negative `exp` panics with
// `negative exponent`. Square and multiply: O(log exp) multiplications.
pub fn pow(base: Int, exp: Int) -> Int {
    if exp < 0 { panic("negative exponent") }
    let mut result = 1
    let mut b = base
    let mut e = exp
    while e > 0 {
        if e % 2 == 1 { result *= b }
        b *= b
        e /= 2
    }
    result
}

// The integer square root: the largest r with r * r <= n. A negative `n`
// panics with `square root of a negative number`.
pub fn isqrt(n: Int) -> Int {
    if n < 0 { panic("square root of a negative number") }
    // r lies in lo ..= hi; 3037000499 is the largest r whose square fits.
    let mut lo = 0
    let mut hi = if n < 3037000499 { n } else { 3037000499 }
    while lo < hi {
        let mid = lo + (hi - lo + 1) / 2
        if mid * mid <= n { lo = mid } else { hi = mid - 1 }
    }
    lo
}

// `x` held within `lo ..= hi`: `lo` when below it, `hi` when above. `lo > hi`
// panics with `clamp with lo > hi`.
pub fn clamp[T: Ord](x: T, lo: T, hi: T) -> T {
    if lo > hi { panic("clamp with lo > hi") }
    if x < lo { lo } else if x > hi { hi } else { x }
}

// -1, 0 or 1 as `x` is negative, zero or positive.
pub fn sign(x: Int) -> Int {
    if x < 0 { -1 } else if x > 0 { 1 } else { 0 }
}
