// assign-homes: L<t>var -> L<t>slots, for both targets (x86_64, aarch64)
//
// Purpose: give every variable its own stack slot, numbered from 0 in order of
// first appearance. (Register allocation, a separate issue, will do better.)
//
// Before:  movq $5, x.1          After:  movq $5, slot0
//          addq x.1, y.2                 addq slot0, slot1
//
// The instruction ILs of both targets share the operand forms `Var(name)` and
// `Slot(index)`, so one rewrite serves both: only the Var clause is written,
// every instruction is rebuilt around its new operands.

import type { IL } from "../src/il/define.js";
import type { AnyNode } from "../src/il/node.js";
import { rewriter } from "../src/il/rewrite.js";
import { pass, type Pass } from "../src/pass.js";

export function assignHomes(from: IL, to: IL): Pass {
  return pass({
    name: "assign-homes",
    from,
    to,
    purpose: "every variable gets its own stack slot",
    run(program: AnyNode) {
      const homes = new Map<string, number>();
      const place = rewriter<AnyNode, undefined>(from, {
        Var: (node) => {
          const name = node.name as string;
          if (!homes.has(name)) homes.set(name, homes.size);
          return { kind: "Slot", index: homes.get(name)! };
        },
      });
      return place(program, undefined);
    },
  });
}
