// fold-branches: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: a branch whose condition is known goes one way. After
// fold-constants a block may end in `if 3 < 10 goto A else B`: it becomes
// `goto A`. The block B may then be reached by nothing: order-blocks drops it.
//
// What it proves first: that both operands of the comparison are literals,
// so the comparison (ir-defs/semantics.ts, as the interpreters compute it)
// has the same value every time the branch runs.
//
// Before:                                 After:
//   f.block1:                               f.block1:
//     if 2000000 >= 0 goto f.block2           goto f.block2
//       else f.block3

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { binary } from "../ir-defs/semantics.js";
import { pass } from "../il/pass.js";

const isLiteral = (a: C.Atom): a is C.Int | C.Bool => a.kind === "Int" || a.kind === "Bool";

/** The way a branch on literals goes (its target label), or null when an operand is a variable. */
export function knownWay(t: C.Branch): string | null {
  if (!isLiteral(t.left) || !isLiteral(t.right)) return null;
  return binary(t.op, t.left.value, t.right.value) === true ? t.then : t.else;
}

export const foldBranches = pass({
  name: "fold-branches",
  from: Lcfg,
  to: Lcfg,
  purpose: "a branch that compares two literals becomes a goto the way it always goes",
  run(program: C.Program): C.Program {
    const fold = (b: C.BasicBlock): C.BasicBlock => {
      const way = b.tail.kind === "Branch" ? knownWay(b.tail) : null;
      return way === null ? b : { ...b, tail: { kind: "Goto", target: way, ...(b.tail.loc ? { loc: b.tail.loc } : {}) } };
    };
    return { ...program, defs: program.defs.map((d) => ({ ...d, blocks: d.blocks.map(fold) })) };
  },
});
