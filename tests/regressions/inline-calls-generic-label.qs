// Found by `qnano props`: pass (inline-calls). is_none[Int] calls is_some[Int],
// which was inlined under labels `is_none[Int].is_some_Int_.1.start`: a part of
// a label after an instance's name may not start with a digit (ir-defs/names.ts),
// so the labels of a copy are `CALLER.CALLEE_N.LABEL`.
const K0: Bool = false

fn f0() -> Bool {
    {
        let mut w0 = 0
        while ((w0 < 1) && false) {
            w0 += 1
            let a = match is_none(Some(1)) {
                _ => (1, true),
            }
        }
    }
    false
}

fn main() {
    ()
    print(K0)
}
