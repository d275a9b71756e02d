// Found by `qnano props`: pass (desugar-compound-assign). The Lsrc and Ltyped interpreters
// (src/interp/data.ts, SetField) read `a.0` after evaluating the value of `a.0 ^= e`, giving
// 2 and false; desugar-compound-assign reads it first, giving 1 and false. This file expects
// the latter, as for `x op= e` and `a[i] op= e` (spec/language.md: the target is read first).
fn main() {
    let mut a = (1, true)
    a.0 ^= {
        a = (2, false)
        0
    }
    ()
    print(a.0)
    print(a.1)
}
