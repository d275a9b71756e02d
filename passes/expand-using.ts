// expand-using: Lnomatch -> Lnousing
//
// Writes each `using r = e` as `let r = e` and a call of r's drop method on
// every way out of its block (brief §6): at its end, after the block's value
// is computed; at a `break` or `continue` of a loop around it; at a `return`,
// after the value returned is computed. (`try` is a return by now: expand-try
// ran.) The drops of one exit run the last `using` first; a `using` not yet
// reached when the block is left is not dropped, since only the statements
// after it see it. A panic or `exit` ends the process, and runs no drop. An
// anonymous function is a boundary: its `return` drops only its own usings.
//
// Before:                                  After:
//   fn f(n.1: Int) -> Int {                  fn f(n.1: Int) -> Int {
//     using a.2: File = call open(1)           let a.2: File = call open(1)
//     if (n.1 > 0) {                           if (n.1 > 0) {
//       return n.1                               {let returned.4: Int = n.1
//     }                                           call File.drop(a.2)
//     using b.3: File = call open(2)              return returned.4}
//     (n.1 + 1)                                }
//   }                                          let b.3: File = call open(2)
//                                              let value.5: Int = (n.1 + 1)
//                                              call File.drop(b.3)
//                                              call File.drop(a.2)
//                                              value.5
//                                            }

import type * as In from "../ir-defs/generated/Lnomatch.js";
import type * as Out from "../ir-defs/generated/Lnousing.js";
import type { Loc } from "../il/node.js";
import { Lnomatch } from "../ir-defs/lnomatch.js";
import { Lnousing } from "../ir-defs/lnousing.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { declaredType, typeContext, typeOf } from "./shared/expression-types.js";
import { methodFunction } from "../ir-defs/names.js";
import { loc, waysOut, type Pending } from "./shared/ways-out.js";

/** The usings in scope (pending drops), the last one last, and how many of them are outside the innermost loop. */
type Scope = Pending<In.Using>;

export const expandUsing = pass({
  name: "expand-using",
  from: Lnomatch,
  to: Lnousing,
  purpose: "write each using as a let and a call of its drop method on every way out of its block, the last using first",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lnomatch, program);
    const types = typeContext(Lnomatch, program);
    /** The drops of `usings`, the last first. */
    const drops = (usings: readonly In.Using[], at: Loc | undefined): Out.Stmt[] => [...usings].reverse().map((u) => ({
      kind: "ExprStmt", expr: { kind: "Call", callee: methodFunction(u.type, "drop"), args: [{ kind: "Var", name: u.name, ...loc(at) }], ...loc(at) }, ...loc(at),
    }));
    /** `let name = e` of e's type (in the input: what a new variable is declared with). */
    const bind = (hint: string, original: In.Expr, value: Out.Expr, at: Loc | undefined): Out.Let => ({ kind: "Let", decl: "let", name: fresh(hint), type: declaredType(original, types), init: value, ...loc(at) });
    const { leaveLoop, leaveFunction } = waysOut(drops, (before: In.Expr, value: Out.Expr, at) => bind("returned", before, value, at));
    const loops = <L extends In.While | In.For | In.ForEach | In.ForChan>(node: L, scope: Scope, recur: (n: In.Node, s: Scope) => unknown): L => {
      const inner: Scope = { ...scope, loop: scope.pending.length };
      const out: Record<string, unknown> = { ...node, body: recur(node.body, inner) };
      for (const key of ["cond", "from", "to", "iter", "chan"]) if (key in node) out[key] = recur((node as unknown as Record<string, In.Expr>)[key]!, scope);
      return out as unknown as L;
    };
    const expand = rewriter<In.Node, Scope>(Lnomatch, {
      Fn: (node, _scope, recur) => ({ ...node, body: recur(node.body, { pending: [], loop: 0 }) }),
      // An anonymous function's `return` leaves it, not the block around it: no using outside is in its scope.
      Lambda: (node, _scope, recur) => ({ ...node, body: recur(node.body, { pending: [], loop: 0 }) }),
      While: (node, scope, recur) => loops(node, scope, recur),
      For: (node, scope, recur) => loops(node, scope, recur),
      ForEach: (node, scope, recur) => loops(node, scope, recur),
      ForChan: (node, scope, recur) => loops(node, scope, recur),
      Break: leaveLoop,
      Continue: leaveLoop,
      Return: (node, scope, recur) => leaveFunction(node, recur<Out.Expr>(node.value, scope), scope),
      Block(node, scope, recur) {
        let usings = scope.pending;
        const mine: In.Using[] = [];
        const stmts = node.stmts.map((stmt): Out.Stmt => {
          if (stmt.kind !== "Using") return recur<Out.Stmt>(stmt, { ...scope, pending: usings });
          const init = recur<Out.Expr>(stmt.init, { ...scope, pending: usings });
          [usings, mine[mine.length]] = [[...usings, stmt], stmt];
          return { kind: "Let", decl: "let", name: stmt.name, type: stmt.type, init, ...loc(stmt.loc) };
        });
        const last = node.stmts[node.stmts.length - 1];
        if (mine.length === 0 || last === undefined || last.kind === "Return" || last.kind === "Break" || last.kind === "Continue") return { ...node, stmts };
        const type = last.kind === "ExprStmt" ? typeOf(last.expr, types) : "Unit";
        if (type === "!") return { ...node, stmts }; // (its end is never reached)
        if (type === "Unit" || last.kind !== "ExprStmt") return { ...node, stmts: [...stmts, ...drops(mine, node.loc)] };
        const value = bind("value", last.expr, (stmts.pop() as Out.ExprStmt).expr, last.loc);
        return { ...node, stmts: [...stmts, value, ...drops(mine, node.loc), { kind: "ExprStmt", expr: { kind: "Var", name: value.name, ...loc(last.loc) }, ...loc(last.loc) }] };
      },
    });
    return expand(program, { pending: [], loop: 0 }) as Out.Program;
  },
});
