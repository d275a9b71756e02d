// mask-remainders: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: a remainder by a power of two that is only ever compared with zero
// becomes a mask. `n % 2 == 0` is the usual test of evenness; a signed
// remainder costs a division (or, by a power of two, five instructions that
// fix the sign), while `n & 1` is one instruction. The two are zero for the
// same n: x % 2^k is zero exactly when 2^k divides x, and so is x & (2^k - 1),
// whatever the sign of x (-5 % 4 is -1, -5 & 3 is 3: neither zero).
//
// What it proves first: that the variable is assigned once in its function,
// with `(x % c)` where c is a literal power of two from 2 to 2^62, and that
// every read of it is one side of a branch `== 0` or `!= 0`. Then only its
// being zero or not is ever seen, and that does not change.
//
// Before:                                 After:
//   collatz.block9:                         collatz.block9:
//     tmp.6 = (n.4 % 2)                       tmp.6 = (n.4 & 1)
//     if tmp.6 == 0 goto ...                  if tmp.6 == 0 goto ...

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { forEachNode } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { powerOfTwo } from "./shared/both-targets.js";

/** Whether `a` is the literal 0. */
const zero = (a: C.Atom) => a.kind === "Int" && a.value === 0n;

/** The variables of `def` whose every read is one side of a branch `== 0` or `!= 0`. */
function onlyTestedForZero(def: C.Def): Set<string> {
  const reads = new Map<string, number>();
  const tests = new Map<string, number>();
  forEachNode(Lcfg, def, (node) => {
    if (node.kind === "Var") reads.set(node.name as string, (reads.get(node.name as string) ?? 0) + 1);
    const t = node as unknown as C.Tail;
    if (t.kind !== "Branch" || (t.op !== "==" && t.op !== "!=")) return;
    for (const [side, other] of [[t.left, t.right], [t.right, t.left]] as const) {
      if (side.kind === "Var" && zero(other)) tests.set(side.name, (tests.get(side.name) ?? 0) + 1);
    }
  });
  return new Set([...tests].filter(([name, n]) => reads.get(name) === n).map(([name]) => name));
}

export const maskRemainders = pass({
  name: "mask-remainders",
  from: Lcfg,
  to: Lcfg,
  purpose: "a remainder by a power of two that is only compared with zero becomes a mask: (n % 2) == 0 tests (n & 1)",
  run(program: C.Program): C.Program {
    const mask = (def: C.Def): C.Def => {
      const assigns = new Map<string, number>();
      for (const b of def.blocks) for (const s of b.stmts) if (s.kind === "Assign") assigns.set(s.name, (assigns.get(s.name) ?? 0) + 1);
      const tested = onlyTestedForZero(def);
      const masked = (s: C.CStmt): C.CStmt => {
        if (s.kind !== "Assign" || s.value.kind !== "Binary" || s.value.op !== "%" || assigns.get(s.name) !== 1 || !tested.has(s.name)) return s;
        const { right } = s.value;
        if (right.kind !== "Int" || powerOfTwo(right.value) === null) return s;
        return { ...s, value: { ...s.value, op: "&", right: { ...right, value: right.value - 1n } } };
      };
      return { ...def, blocks: def.blocks.map((b) => ({ ...b, stmts: b.stmts.map(masked) })) };
    };
    return { ...program, defs: program.defs.map(mask) };
  },
});
