// Found by `qnano props`: pass (hoist-invariants), on a loop kernel (props/realize-kernels.ts).
// fold-branches leaves the loops of `if false { ... }` behind, never reached, and
// the array they read assigned nowhere; the outer loop took them for its own
// (they lead back into it), and the length of that array was hoisted before it:
// a load from an address never set (the binary was killed by SIGSEGV). Blocks
// never reached now belong to no loop (passes/shared/loops.ts).
fn main() {
    {
        let mut w0 = 0
        while ((w0 < 1) && true) {
            w0 += 1
            if false {
                {
                    let kx1 = 0
                    let kn2 = 0
                    let ka3 = array(kn2, true)
                    let mut ki5 = 2
                    while ((ki5 * ki5) < kn2) {
                        if ka3[ki5] {
                            let mut kj6 = (ki5 * ki5)
                            while (kj6 < kn2) {
                                ka3[kj6] = false
                                kj6 += ki5
                            }
                        }
                        ki5 += 1
                    }
                    let mut ks7 = 0
                    for kj6 in 0..len(ka3) {
                        if ka3[kj6] {
                            ks7 += (kj6 * kx1)
                        }
                    }
                    print(ks7)
                }
            }
            print(0)
        }
    }
    ()
}
