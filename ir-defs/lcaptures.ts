// Lcaptures: Ltasks where each anonymous function says what it captures (the
// free-variable analysis of uncover-captures). `fn[k.5: Int = k.2](x.4: Int)
// -> Int { (x.4 + k.5) }` captures k.2: when the function value is made, the
// value of k.2 is copied into k.5, a name of the function's own, which its body
// reads instead. The body uses no variable from outside but through a capture
// (the invariant below): that is what lets lift-functions move it out.
import { extendIL, type Invariant } from "../il/define.js";
import { forEachNode } from "../il/rewrite.js";
import type { AnyNode } from "../il/node.js";
import { Ltasks } from "./ltasks.js";

/** The names a node of a tree IL binds (a let, a parameter, a capture) and the variables it uses. */
export function bindsAndUses(node: AnyNode): { binds: string | null; uses: string | null } {
  switch (node.kind) {
    case "Let": case "Param": case "Capture": return { binds: node.name as string, uses: node.kind === "Capture" ? (node.outer as string) : null };
    case "Var": case "Assign": return { binds: null, uses: node.name as string };
    case "Call": return { binds: null, uses: node.callee as string };
    default: return { binds: null, uses: null };
  }
}

const capturesComplete: Invariant = {
  says: "an anonymous function's body uses only its parameters, its captures, the variables it binds and fn items",
  check(program) {
    const items = new Set(((program as { items: AnyNode[] }).items ?? []).map((i) => i.name as string));
    let broken: { path: string; message: string } | null = null;
    forEachNode(Lcaptures, program, (node, path) => {
      if (broken || node.kind !== "Lambda") return;
      const known = new Set([...(node.captures as AnyNode[]), ...(node.params as AnyNode[])].map((n) => n.name as string));
      const used: string[] = [];
      forEachNode(Lcaptures, node.body, (inner) => {
        const { binds, uses } = bindsAndUses(inner);
        if (binds !== null) known.add(binds);
        if (uses !== null) used.push(uses);
      });
      const missed = used.find((v) => !known.has(v) && !items.has(v));
      if (missed !== undefined) broken = { path: path(), message: `the anonymous function uses ${missed} but does not capture it` };
    });
    return broken;
  },
};

export const Lcaptures = extendIL(Ltasks, {
  name: "Lcaptures",
  purpose: "free variables explicit: each anonymous fn lists the variables it captures, copied into names of its own when it is made",
  add: {
    /** `k.5: Int = k.2`: k.5 holds the value k.2 had when the function value was made. */
    Capture: { Capture: "<name:name>: <type:type> = <outer:name>" },
    Expr: { Lambda: "fn[<captures:Capture*, >](<params:Param*, >) -> <ret:type> <body:Block>" },
  },
  invariants: [capturesComplete],
});
