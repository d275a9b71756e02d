// uniquify: Ltyped -> Luniq
//
// Gives every local variable (bound by `let`, `for`, as a parameter or by a
// pattern, in its arm) its own name `x.N`, with one counter for the whole
// program, so shadowing and block scopes disappear and no later pass needs an
// environment. Const and fn items
// keep their names: a variable that no enclosing scope binds names an item
// and stays as is (source names have no `.`, so no local can take it).
//
// Before:                              After:
//   let x: Int = LIMIT                   let x.1: Int = LIMIT
//   {                                    {
//     let x: Int = (x + 1)                 let x.2: Int = (x.1 + 1)
//     print_int(x)                         print_int(x.2)
//   }                                    }
//   for i in 0..x { print_int(i) }       for i.3 in 0..x.1 { print_int(i.3) }

import type * as In from "../ir-defs/generated/Ltyped.js";
import type * as Out from "../ir-defs/generated/Luniq.js";
import { Ltyped } from "../ir-defs/ltyped.js";
import { Luniq } from "../ir-defs/luniq.js";
import { rewriter, type Recur } from "../il/rewrite.js";
import { pass } from "../il/pass.js";

/** The new names of the variables bound in one block, inside those of the blocks around it. */
interface Names {
  readonly renamed: Map<string, string>;
  readonly outer: Names | null;
}

function resolve(name: string, names: Names | null): string {
  for (let n = names; n !== null; n = n.outer) {
    const found = n.renamed.get(name);
    if (found !== undefined) return found;
  }
  return name; // not bound locally: a const
}

export const uniquify = pass({
  name: "uniquify",
  from: Ltyped,
  to: Luniq,
  purpose: "give every local variable a name of its own, so no name is bound twice",
  run(program: In.Program): Out.Program {
    let counter = 0;
    const fresh = (name: string) => `${name}.${++counter}`;
    /** A function's parameters are bound in its body. */
    const fn = <F extends In.Fn | In.GenericFn | In.Method | In.GenericMethod>(node: F, recur: Recur<Names | null>): F => {
      const renamed = new Map(node.params.map((p) => [p.name, fresh(p.name)] as const));
      const params = node.params.map((p) => ({ ...p, name: renamed.get(p.name)! }));
      return { ...node, params, body: recur<In.Block>(node.body, { renamed, outer: null }) };
    };

    const rename = rewriter<In.Node, Names | null>(Ltyped, {
      Block(node, outer, recur) {
        const names: Names = { renamed: new Map(), outer };
        const stmts = node.stmts.map((stmt): In.Stmt => {
          if (stmt.kind !== "Let" && stmt.kind !== "Using") return recur(stmt, names);
          const init = recur<In.Expr>(stmt.init, names); // `let x = x + 1` reads the outer x
          const name = fresh(stmt.name);
          names.renamed.set(stmt.name, name);
          return { ...stmt, name, init };
        });
        return { ...node, stmts };
      },
      For(node, names, recur) {
        const from = recur<In.Expr>(node.from, names);
        const to = recur<In.Expr>(node.to, names);
        const name = fresh(node.name);
        const body = recur<In.Block>(node.body, { renamed: new Map([[node.name, name]]), outer: names });
        return { ...node, name, from, to, body };
      },
      ForEach(node, names, recur) {
        const iter = recur<In.Expr>(node.iter, names);
        const name = fresh(node.name);
        const inner: Names = { renamed: new Map([[node.name, name]]), outer: names }; // the element's name, in the body only
        return { ...node, name, iter, body: recur<In.Block>(node.body, inner) };
      },
      ForChan(node, names, recur) {
        const chan = recur<In.Expr>(node.chan, names);
        const name = fresh(node.name);
        const inner: Names = { renamed: new Map([[node.name, name]]), outer: names }; // each value's name, in the body only
        return { ...node, name, chan, body: recur<In.Block>(node.body, inner) };
      },
      Fn: (node, _names, recur) => fn(node, recur),
      GenericFn: (node, _names, recur) => fn(node, recur),
      Method: (node, _names, recur) => fn(node, recur),
      GenericMethod: (node, _names, recur) => fn(node, recur),
      // A pattern's binders are bound in its arm's guard and body.
      Arm(node, names, recur) {
        const inner: Names = { renamed: new Map(), outer: names };
        const pattern = recur<In.Pattern>(node.pattern, inner); // (Binder below fills inner)
        return { ...node, pattern, guard: node.guard && recur<In.Expr>(node.guard, inner), body: recur<In.Expr>(node.body, inner) };
      },
      Binder(node, names) {
        const name = fresh(node.name);
        names!.renamed.set(node.name, name);
        return { ...node, name };
      },
      // An anonymous function's body sees its parameters and, around them, the variables where it is.
      Lambda(node, names, recur) {
        const renamed = new Map(node.params.map((p) => [p.name, fresh(p.name)] as const));
        const params = node.params.map((p) => ({ ...p, name: renamed.get(p.name)! }));
        return { ...node, params, body: recur<In.Block>(node.body, { renamed, outer: names }) };
      },
      Assign: (node, names, recur) => ({ ...node, name: resolve(node.name, names), value: recur(node.value, names) }),
      SetField: (node, names, recur) => ({ ...node, name: resolve(node.name, names), value: recur(node.value, names) }),
      // A call through a variable names the variable; a call of a fn item keeps its name.
      Call: (node, names, recur) => ({ ...node, callee: resolve(node.callee, names), args: node.args.map((a) => recur<In.Expr>(a, names)) }),
      Var(node, names) {
        const name = resolve(node.name, names);
        return name === node.name ? node : { ...node, name };
      },
    });
    return rename(program, null);
  },
});
