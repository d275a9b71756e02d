// A channel's type argument may name another module's type: resolve-modules
// qualifies it as in any other type, so the checker finds `pump.Reading`.
use modules.pump
fn main() {
    let ch = channel[pump.Reading](2)
    pump.pump(ch, 3)
    for r in ch { print(r.value) }
    let wrong: Chan[pump.Missing] = ch
}
