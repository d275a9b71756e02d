// Lchecked: Llayout with each element access's index check written out, just
// before it (insert-index-checks): `check 0 <= i < *(a + 16): Int` panics
// `index out of bounds` unless i is within the array a's length, and a load or
// store with an index is only a memory access, of operands no longer bound to
// be atoms.
import { extendIL } from "../il/define.js";
import { elementOperandsAreAtoms, Llayout } from "./llayout.js";

export const Lchecked = extendIL(Llayout, {
  name: "Lchecked",
  purpose: "index checks explicit: check 0 <= i < length before each element access, which no longer checks",
  dropInvariants: [elementOperandsAreAtoms.says], // no access checks itself any more
  add: {
    /** Panics `index out of bounds` unless 0 <= index < length. */
    Stmt: { CheckIndex: "check 0 <= <index:Expr> < <length:Expr>" },
  },
});
