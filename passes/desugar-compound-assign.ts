// desugar-compound-assign: Lnoconst -> Lassign
//
// Writes every compound assignment `x op= e` out as `x = x op e`, so later
// passes see one kind of assignment. The variable is read before `e` is
// evaluated, as the left operand of a binary operator always is.
//
// Before:  n.1 += (i.2 * 2)      After:  n.1 = (n.1 + (i.2 * 2))
//          m.3 <<= 1                      m.3 = (m.3 << 1)
//          m.3 = 0                        m.3 = 0

import type * as In from "../ir-defs/generated/Lnoconst.js";
import type * as Out from "../ir-defs/generated/Lassign.js";
import { Lassign } from "../ir-defs/lassign.js";
import { Lnoconst } from "../ir-defs/lnoconst.js";
import { rewriter } from "../src/il/rewrite.js";
import { pass } from "../src/pass.js";

export const desugarCompoundAssign = pass({
  name: "desugar-compound-assign",
  from: Lnoconst,
  to: Lassign,
  purpose: "write x op= e as x = x op e",
  run(program: In.Program): Out.Program {
    const desugar = rewriter<In.Node, undefined>(Lnoconst, {
      Assign(node, ctx, recur): Out.Assign {
        const { op, ...rest } = node;
        const value = recur<Out.Expr>(node.value, ctx);
        if (op === "=") return { ...rest, value };
        const read: Out.Var = { kind: "Var", name: node.name, loc: node.loc };
        const operator = op.slice(0, -1) as Out.Binary["op"];
        return { ...rest, value: { kind: "Binary", left: read, op: operator, right: value, loc: node.loc } };
      },
    });
    return desugar(program, undefined);
  },
});
