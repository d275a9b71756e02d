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
// it (check-types made sure there is one).
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
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { declaredType, typeContext } from "./shared/expression-types.js";
import { freshNamer } from "./shared/fresh-names.js";

export const lowerTasks = pass({
  name: "lower-tasks",
  from: Lwhile,
  to: Ltasks,
  purpose: "a scope becomes scope_open and scope_close around its block, a spawned block an anonymous fn given to spawn with the scope's handle",
  run(program: In.Program): Out.Program {
    const types = typeContext(Lwhile, program);
    const fresh = freshNamer(Lwhile, program);
    // The context: the handle of the innermost scope around (null outside any, and inside an anonymous fn).
    const lower = rewriter<In.Node, string | null>(Lwhile, {
      Scope(node, _outer, recur): Out.Block {
        const loc = node.loc;
        const [handle, value] = [fresh("scope"), fresh("scope")];
        const body = recur<Out.Block>(node.body, handle);
        const use = (name: string): Out.Var => ({ kind: "Var", name, loc });
        return {
          kind: "Block",
          stmts: [
            { kind: "Let", decl: "let", name: handle, type: "Int", init: { kind: "Prim", op: "scope_open", args: [], loc }, loc },
            { kind: "Let", decl: "let", name: value, type: declaredType(node.body, types), init: body, loc },
            { kind: "ExprStmt", expr: { kind: "Prim", op: "scope_close", args: [use(handle)], loc }, loc },
            { kind: "ExprStmt", expr: use(value), loc },
          ],
          loc,
        };
      },
      Spawn(node, scope, recur): Out.Prim {
        const loc = node.loc;
        if (scope === null) throw new Error("lower-tasks: a spawn outside a scope (check-types reports it)");
        const body = recur<Out.Block>(node.body, scope);
        const task: Out.Lambda = { kind: "Lambda", params: [], ret: "Unit", body: { ...body, stmts: [...body.stmts, { kind: "ExprStmt", expr: { kind: "Unit", loc }, loc }] }, loc };
        return { kind: "Prim", op: "spawn", args: [{ kind: "Var", name: scope, loc }, task], loc };
      },
      Lambda: (node, _scope, recur) => recur.children(node, null),
    });
    return lower(program, null);
  },
});
