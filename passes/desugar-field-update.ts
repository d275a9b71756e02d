// desugar-field-update: Lassign -> Lvalues
//
// Records and tuples are values: `p.x = v` gives the mut variable p a new
// value, equal to the old one but for x (brief, section 4). This pass writes
// exactly that, so later passes only ever build a record or tuple whole. A
// path `p.a.b = v` rebuilds each record along it. The new value is computed
// first (into a new variable, unless it is a variable or a literal already),
// then the other fields are read from p as it is then.
//
// Before:                          After:
//   p.1.x = (p.1.x + 1)              {
//                                      let x.2: Int = (p.1.x + 1)
//                                      p.1 = Point { x: x.2, y: p.1.y }
//                                    }
//   s.3.1.y = 0                      s.3 = (s.3.0, Point { x: s.3.1.x, y: 0 })

import type * as In from "../ir-defs/generated/Lassign.js";
import type * as Out from "../ir-defs/generated/Lvalues.js";
import { Lassign } from "../ir-defs/lassign.js";
import { Lvalues } from "../ir-defs/lvalues.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { declaredType, typeContext, type TypeContext } from "./shared/expression-types.js";
import { atomBinder, freshNamer } from "./shared/fresh-names.js";
import { parseType, showType } from "../ir-defs/type-syntax.js";

/** `target` (of type `type`) with the field at `path` replaced by `value`. */
function rebuilt(target: Out.Expr, type: string, path: readonly string[], value: Out.Expr, types: TypeContext, loc: In.Expr["loc"]): Out.Expr {
  if (path.length === 0) return value;
  const [field, ...rest] = path as [string, ...string[]];
  const read = (f: string): Out.Field => ({ kind: "Field", target, field: f, loc });
  const inner = (f: string, t: string): Out.Expr => (f === field ? rebuilt(read(f), t, rest, value, types, loc) : read(f));
  const tree = parseType(type)!;
  if (tree.kind === "tuple") {
    const elems = tree.elems.map((t, i) => inner(String(i), showType(t)));
    return { kind: "Tuple", elems, loc };
  }
  const fields = types.record(type)!;
  return { kind: "RecordLit", name: type, inits: fields.map((f) => ({ kind: "FieldInit", name: f.name, value: inner(f.name, f.type), loc })), loc };
}

export const desugarFieldUpdate = pass({
  name: "desugar-field-update",
  from: Lassign,
  to: Lvalues,
  purpose: "write a field update p.x = v as p = Point { x: v, y: p.y }: records and tuples are values",
  run(program: In.Program): Out.Program {
    const types = typeContext(Lassign, program);
    const once = atomBinder(Lassign, freshNamer(Lassign, program));
    const desugar = rewriter<In.Node, undefined>(Lassign, {
      SetField(node, ctx, recur): Out.Stmt {
        const loc = node.loc;
        const lets: Out.Let[] = [];
        const value = once(recur<Out.Expr>(node.value, ctx), node.path[node.path.length - 1]!, () => declaredType(node.value, types), loc, lets);
        const whole = rebuilt({ kind: "Var", name: node.name, loc }, types.variable(node.name)!, node.path, value, types, loc);
        const assign: Out.Assign = { kind: "Assign", name: node.name, value: whole, loc };
        return lets.length === 0 ? assign : { kind: "ExprStmt", expr: { kind: "Block", stmts: [...lets, assign], loc }, loc };
      },
    });
    return desugar(program, undefined);
  },
});
