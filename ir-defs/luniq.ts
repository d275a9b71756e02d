// Luniq: Ltyped where no name is bound twice, so later passes need no scopes.
import { extendIL } from "../il/define.js";
import { forEachNode } from "../il/rewrite.js";
import { Ltyped } from "./ltyped.js";
import { uniqueNames } from "./names.js";

export const Luniq = extendIL(Ltyped, {
  name: "Luniq",
  purpose: "every variable has its own name: no shadowing, no name bound twice",
  terminals: { name: uniqueNames },
  invariants: [
    {
      says: "no name is bound twice (by let, using, for, a parameter, a capture, a const or a pattern)",
      check(program) {
        const seen = new Set<string>();
        let broken: { path: string; message: string } | null = null;
        forEachNode(Luniq, program, (node, path) => {
          if (broken) return;
          const binder = ["Let", "Using", "For", "ForEach", "ForChan", "Param", "Const", "Capture", "Binder"].includes(node.kind) ? (node.name as string) : null;
          if (binder === null) return;
          if (seen.has(binder)) broken = { path: path(), message: `${binder} is bound a second time` };
          seen.add(binder);
        });
        return broken;
      },
    },
  ],
});
