// The prelude is a module every module imports implicitly (core/prelude.qs):
// this file hides its abs and its Option with items of its own, a module
// hides abs and Some with its own, another hides nothing and reaches the
// prelude's; `use core.prelude` names the prelude like any module, so
// `prelude.abs` is the prelude's here even though this file hides `abs`.
use modules.prelude.own_abs
use modules.prelude.uses
use core.prelude

fn abs(x: Int) -> Int { x + 1000 }

union Option { Yes, No }

fn main() {
    print(abs(-5))                        // this file's
    print(prelude.abs(-5))                // the prelude's, named through its module
    print(own_abs.twice_abs(-2))          // that module's own abs
    print(own_abs.first_some(7))
    print(uses.positive(-9))              // the prelude's abs, in a module that hides nothing
    let o = uses.wrapped(4)
    print(uses.show_unwrapped(o))
    print(prelude.is_some(uses.wrapped(-1)))
    let mine = Yes
    match mine {
        Yes => print("yes"),
        No => print("no"),
    }
    print(min(3, 2) + max(3, 2))          // names this file does not hide are the prelude's
}
