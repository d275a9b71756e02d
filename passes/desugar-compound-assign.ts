// desugar-compound-assign: Lnomatch -> Lassign
//
// Writes every compound assignment `x op= e` out as `x = x op e`, so later
// passes see one kind of assignment. The variable is read before `e` is
// evaluated, as the left operand of a binary operator always is.
//
// The same goes for a field and an element; an array or index that is not a
// variable or literal is computed once, into a new variable, first, and so is
// a variable that a later operand assigns (`a[{ a = b; 0 }] += 1` changes the
// old a).
//
// Before:  n.1 += (i.2 * 2)      After:  n.1 = (n.1 + (i.2 * 2))
//          m.3 <<= 1                      m.3 = (m.3 << 1)
//          m.3 = 0                        m.3 = 0
//          p.4.x -= 1                     p.4.x = (p.4.x - 1)
//          call f(a.5)[k.6] *= 2          {
//                                           let array.7: Array[Int] = call f(a.5)
//                                           array.7[k.6] = (array.7[k.6] * 2)
//                                         }

import type * as In from "../ir-defs/generated/Lnomatch.js";
import type * as Out from "../ir-defs/generated/Lassign.js";
import { Lassign } from "../ir-defs/lassign.js";
import { Lnomatch } from "../ir-defs/lnomatch.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { declaredType, typeContext } from "./shared/expression-types.js";
import { atomBinder, freshNamer } from "./shared/fresh-names.js";

const operator = (op: In.Assign["op"]) => op.slice(0, -1) as Out.Binary["op"];

export const desugarCompoundAssign = pass({
  name: "desugar-compound-assign",
  from: Lnomatch,
  to: Lassign,
  purpose: "write x op= e as x = x op e (and a[i] op= e, p.x op= e likewise)",
  run(program: In.Program): Out.Program {
    const types = typeContext(Lnomatch, program);
    const once = atomBinder(Lnomatch, freshNamer(Lnomatch, program));
    const desugar = rewriter<In.Node, undefined>(Lnomatch, {
      Assign(node, ctx, recur): Out.Assign {
        const { op, ...rest } = node;
        const value = recur<Out.Expr>(node.value, ctx);
        if (op === "=") return { ...rest, value };
        const read: Out.Var = { kind: "Var", name: node.name, loc: node.loc };
        return { ...rest, value: { kind: "Binary", left: read, op: operator(op), right: value, loc: node.loc } };
      },
      SetField(node, ctx, recur): Out.SetField {
        const { op, ...rest } = node;
        const value = recur<Out.Expr>(node.value, ctx);
        if (op === "=") return { ...rest, value };
        const read = node.path.reduce<Out.Expr>((target, field) => ({ kind: "Field", target, field, loc: node.loc }), { kind: "Var", name: node.name, loc: node.loc });
        return { ...rest, value: { kind: "Binary", left: read, op: operator(op), right: value, loc: node.loc } };
      },
      SetIndex(node, ctx, recur): Out.Stmt {
        const { op, ...rest } = node;
        const [array, index, value] = [recur<Out.Expr>(node.array, ctx), recur<Out.Expr>(node.index, ctx), recur<Out.Expr>(node.value, ctx)];
        if (op === "=") return { ...rest, array, index, value };
        const loc = node.loc;
        const lets: Out.Let[] = [];
        const a = once(array, "array", () => declaredType(node.array, types), loc, lets, [node.index, node.value]);
        const i = once(index, "index", () => declaredType(node.index, types), loc, lets, [node.value]);
        const read: Out.Index = { kind: "Index", target: a, index: i, loc };
        const set: Out.SetIndex = { ...rest, array: a, index: i, value: { kind: "Binary", left: read, op: operator(op), right: value, loc } };
        if (lets.length === 0) return set;
        return { kind: "ExprStmt", expr: { kind: "Block", stmts: [...lets, set], loc }, loc };
      },
    });
    return desugar(program, undefined);
  },
});
