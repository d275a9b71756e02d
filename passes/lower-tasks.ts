// lower-tasks: Lwhile -> Ltasks
//
// Scopes and spawns become calls of the runtime's task primitives, and a
// spawned block an anonymous function (spec/language.md, "Concurrency", "How
// qnano lowers it"). `scope { B }` opens a scope, keeps B's value, waits for
// the scope's tasks and gives the value; `spawn { B }` hands the innermost
// scope's handle and `fn() -> Unit { B; () }` to spawn. So a spawned block is
// a closure from here on: uncover-captures, lift-functions and
// convert-closures capture for it by value, exactly as for an anonymous fn.
// An anonymous fn is a boundary: a spawn inside one belongs to a scope inside
// it (check-types made sure there is one). A scope ends however its block is
// left (brief: a scope ends only after all tasks spawned in it have finished):
// a `return` closes every scope it leaves, innermost first, after the value
// returned is computed; a `break` or `continue` those inside its loop. (`try`
// is a return by now: expand-try ran. A panic or `exit` ends the process.)
//
// Before (Lwhile):                        After (Ltasks):
//   scope {                                 {
//     spawn { print_int(k.2) }                let scope.3: Int = scope_open()
//     7                                       let scope.4: Int = {
//   }                                           spawn(scope.3, fn() -> Unit { print_int(k.2); () })
//                                               7
//                                             }
//                                             scope_close(scope.3)
//                                             scope.4
//                                           }

import type * as In from "../ir-defs/generated/Lwhile.js";
import type * as Out from "../ir-defs/generated/Ltasks.js";
import { Lwhile } from "../ir-defs/lwhile.js";
import { Ltasks } from "../ir-defs/ltasks.js";
import type { Loc } from "../il/node.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { declaredType, typeContext } from "./shared/expression-types.js";
import { freshNamer } from "./shared/fresh-names.js";
import { loc, waysOut, type Pending } from "./shared/ways-out.js";

/** What is around a node: the handle of the innermost scope (null outside any, and inside an
 * anonymous fn), the handles of the scopes a `return` there leaves (pending closes, the
 * innermost last), and how many of those are outside the innermost loop (a `break` leaves the others). */
interface Around extends Pending<string> {
  readonly handle: string | null;
}

export const lowerTasks = pass({
  name: "lower-tasks",
  from: Lwhile,
  to: Ltasks,
  purpose: "a scope becomes scope_open and scope_close around its block, a spawned block an anonymous fn given to spawn with the scope's handle",
  run(program: In.Program): Out.Program {
    const types = typeContext(Lwhile, program);
    const fresh = freshNamer(Lwhile, program);
    /** scope_close of each handle of `handles`, the innermost (last) first. */
    const closes = (handles: readonly string[], at: Loc | undefined): Out.Stmt[] =>
      [...handles].reverse().map((h) => ({ kind: "ExprStmt", expr: { kind: "Prim", op: "scope_close", args: [{ kind: "Var", name: h, ...loc(at) }], ...loc(at) }, ...loc(at) }));
    const none: Around = { handle: null, pending: [], loop: 0 };
    const returned = (before: In.Expr, value: Out.Expr, at: Loc | undefined): Out.Let => ({ kind: "Let", decl: "let", name: fresh("returned"), type: declaredType(before, types), init: value, ...loc(at) });
    const { leaveLoop, leaveFunction } = waysOut(closes, returned);
    const lower = rewriter<In.Node, Around>(Lwhile, {
      Scope(node, around, recur): Out.Block {
        const [handle, value] = [fresh("scope"), fresh("scope")];
        const body = recur<Out.Block>(node.body, { handle, pending: [...around.pending, handle], loop: around.loop });
        const use = (name: string): Out.Var => ({ kind: "Var", name, ...loc(node.loc) });
        return {
          kind: "Block",
          stmts: [
            { kind: "Let", decl: "let", name: handle, type: "Int", init: { kind: "Prim", op: "scope_open", args: [], ...loc(node.loc) }, ...loc(node.loc) },
            { kind: "Let", decl: "let", name: value, type: declaredType(node.body, types), init: body, ...loc(node.loc) },
            ...closes([handle], node.loc),
            { kind: "ExprStmt", expr: use(value), ...loc(node.loc) },
          ],
          ...loc(node.loc),
        };
      },
      Spawn(node, around, recur): Out.Prim {
        if (around.handle === null) throw new Error("lower-tasks: a spawn outside a scope (check-types reports it)");
        const body = recur<Out.Block>(node.body, { ...none, handle: around.handle });
        const unit: Out.ExprStmt = { kind: "ExprStmt", expr: { kind: "Unit", ...loc(node.loc) }, ...loc(node.loc) };
        const task: Out.Lambda = { kind: "Lambda", params: [], ret: "Unit", body: { ...body, stmts: [...body.stmts, unit] }, ...loc(node.loc) };
        return { kind: "Prim", op: "spawn", args: [{ kind: "Var", name: around.handle, ...loc(node.loc) }, task], ...loc(node.loc) };
      },
      Lambda: (node, _around, recur) => recur.children(node, none),
      While: (node, around, recur) => ({ ...node, cond: recur(node.cond, around), body: recur(node.body, { ...around, loop: around.pending.length }) }) as Out.While,
      Break: leaveLoop,
      Continue: leaveLoop,
      Return: (node, around, recur) => leaveFunction(node, recur<Out.Expr>(node.value, around), around),
    });
    return lower(program, none) as Out.Program;
  },
});
