// copy-branches: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: a loop tests its condition at the end of its body, not only at its
// head. explicate-control gives every `while` and `for` a head block that is
// only the test, `if i < n goto body else exit`, and ends the body with
// `goto head`: each turn runs a jump to the head, then the test and a branch.
// Here a goto to a block that holds nothing but a branch becomes a copy of that
// branch, so the body ends in the test itself and branches back to its own
// start: one jump less on every turn. The head keeps its test for the first
// turn (the goto into the loop is copied as well; the head, reached by nothing
// then, is dropped by order-blocks). A goto to any other block that is only a
// branch (the join after an `if`, an `&&`) is copied the same way.
//
// A block that is only a branch but that some branch goes to (sieve's `if
// a[k] { count += 1 }` goes to the loop's head when a[k] is false) is left
// alone: it would stay, laid out away from the loop's body, and that way
// round would take two jumps where it took one (the head fell through into
// the body).
//
// What it proves first: that the block gone to has no statement, only its
// branch (or only a goto to such a block, and so on). Then going there and
// branching reads the same variables, with the same values, as branching at
// once: nothing runs between the two.
//
// Before:                                 After:
//   main.block8:                            main.block8:
//     if k.10.next < 500 goto main.block9     if k.10.next < 500 goto main.block9
//       else main.block7                        else main.block7
//   main.block9:                            main.block9:
//     ...                                     ...
//     s.9 = (s.9 + tmp.41)                    s.9 = (s.9 + tmp.41)
//     goto main.block8                        if k.10.next < 500 goto main.block9
//                                               else main.block7

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { pass } from "../il/pass.js";

/** The branch a goto to `target` may be replaced by: the block's own, when it holds nothing else and
 * no branch goes to it, found through blocks that hold nothing but a goto (each looked at once: `a:
 * goto a` ends it). `branchedTo` holds the labels some branch goes to. */
export function loneBranch(blocks: ReadonlyMap<string, C.BasicBlock>, branchedTo: ReadonlySet<string>, target: string): C.Branch | null {
  const seen = new Set<string>();
  for (let block = blocks.get(target); block && block.stmts.length === 0 && !seen.has(block.label); block = blocks.get(block.tail.target)) {
    if (block.tail.kind === "Branch") return branchedTo.has(block.label) ? null : block.tail;
    if (block.tail.kind !== "Goto") return null;
    seen.add(block.label);
  }
  return null;
}

export const copyBranches = pass({
  name: "copy-branches",
  from: Lcfg,
  to: Lcfg,
  purpose: "a goto to a block that is only a branch becomes that branch: a loop tests its condition at the end of its body",
  run(program: C.Program): C.Program {
    const copy = (def: C.Def): C.Def => {
      const blocks = new Map(def.blocks.map((b) => [b.label, b] as const));
      const branchedTo = new Set(def.blocks.flatMap((b) => (b.tail.kind === "Branch" ? [b.tail.then, b.tail.else] : [])));
      return {
        ...def,
        blocks: def.blocks.map((b) => {
          const branch = b.tail.kind === "Goto" ? loneBranch(blocks, branchedTo, b.tail.target) : null;
          return branch === null ? b : { ...b, tail: branch };
        }),
      };
    };
    return { ...program, defs: program.defs.map(copy) };
  },
});
