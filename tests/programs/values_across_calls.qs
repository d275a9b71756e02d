// Fourteen values live across calls to print: a call may change every
// caller-saved register, so they need callee-saved registers (x86-64 has 5,
// AArch64 10) and, beyond those, stack slots.
fn main() {
    let x = read_int()
    let k0 = x * 3 - 0
    let k1 = x * 4 - 1
    let k2 = x * 5 - 2
    let k3 = x * 6 - 3
    let k4 = x * 7 - 4
    let k5 = x * 8 - 5
    let k6 = x * 9 - 6
    let k7 = x * 10 - 7
    let k8 = x * 11 - 8
    let k9 = x * 12 - 9
    let k10 = x * 13 - 10
    let k11 = x * 14 - 11
    let k12 = x * 15 - 12
    let k13 = x * 16 - 13
    print(k0)
    print(k1)
    print(k2)
    print(k3)
    print(k4)
    print(k5)
    print(k6)
    print(k7)
    print(k8)
    print(k9)
    print(k10)
    print(k11)
    print(k12)
    print(k13)
    print(k0 + k1 + k2 + k3 + k4 + k5 + k6 + k7 + k8 + k9 + k10 + k11 + k12 + k13)
}
