// name-string-literals: Lfun -> Lfun
//
// Purpose: a string literal (or a static closure) whose reference is consumed
// (copied into a field, passed as an argument, stored, returned, sent on a
// channel or given to a task: ir-defs/reference-uses.ts) gets a variable
// of its own, which owns that reference, so that insert-refcounts counts it like
// any other: a literal is a static object, and each reference to it is one more
// count. The variable joins the function's `refs`.
//
// Before:                                  After:
//   fn main()                                fn main() refs str.3
//     main.start:                              main.start:
//       x.1 = call &greet("hi")                  str.3 = "hi"
//       return ()                                x.1 = call &greet(str.3)
//                                                return ()

import type * as L from "../ir-defs/generated/Lfun.js";
import { Lfun } from "../ir-defs/lfun.js";
import { pass } from "../il/pass.js";
import { movesArgument } from "../ir-defs/reference-uses.js";
import { freshNamer } from "./shared/fresh-names.js";

export const nameStringLiterals = pass({
  name: "name-string-literals",
  from: Lfun,
  to: Lfun,
  purpose: "a string literal or static closure whose reference is consumed (an argument, a field, a stored or returned value) gets a variable that owns it",
  run(program: L.Program): L.Program {
    const fresh = freshNamer(Lfun, program);
    const nameLiterals = (def: L.Def): L.Def => {
      const refs = new Set(def.refs);
      const blocks = def.blocks.map((b): L.BasicBlock => {
        const stmts: L.CStmt[] = [];
        const own = (a: L.Atom): L.Atom => {
          if (a.kind !== "Str" && a.kind !== "StaticClosure") return a;
          const name = fresh("str");
          refs.add(name);
          stmts.push({ kind: "Assign", name, value: a, loc: a.loc });
          return { kind: "Var", name, loc: a.loc };
        };
        const stmt = (s: L.CStmt): L.CStmt => {
          if (s.kind === "Store") return { ...s, value: own(s.value) };
          if (s.kind !== "Assign" && s.kind !== "Do") return s;
          const e = s.kind === "Assign" ? s.value : s.expr;
          const changed: L.CExpr = e.kind === "Call" ? { ...e, args: e.args.map(own) } : e.kind === "New" ? { ...e, fields: e.fields.map(own) }
            : e.kind === "Prim" ? { ...e, args: e.args.map((a, i) => (movesArgument(e.op, i) ? own(a) : a)) } : e;
          return s.kind === "Assign" ? { ...s, value: changed } : { ...s, expr: changed };
        };
        for (const s of b.stmts) stmts.push(stmt(s));
        const t = b.tail;
        const tail: L.Tail = t.kind === "Return" ? { ...t, value: own(t.value) } : t.kind === "TailCall" ? { ...t, args: t.args.map(own) } : t;
        return { ...b, stmts, tail };
      });
      return { ...def, refs: [...refs].sort(), blocks };
    };
    return { ...program, defs: program.defs.map(nameLiterals) };
  },
});
