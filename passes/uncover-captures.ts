// uncover-captures: Ltasks -> Lcaptures
//
// Free-variable analysis: an anonymous function captures the variables of the
// code around it that its body uses (check-types made sure it only reads
// them). Names are unique since uniquify, so a variable is free in a function
// exactly when its body uses it and does not bind it (as a parameter, a let, a
// capture); fn items are no variables. Each free variable becomes a capture
// `k.5: Int = k.2`: a new name, bound to a copy of k.2 made when the function
// value is made, which the body uses instead of k.2. So the body no longer
// refers to anything outside it (the invariant of Lcaptures), and
// lift-functions can move it. Inner functions first: what an inner function
// captures from outside the outer one, the outer one uses where it makes the
// inner one, and captures too.
//
// Before (Ltasks):                       After (Lcaptures):
//   let k.2: Int = 5                       let k.2: Int = 5
//   let f.3: fn(Int) -> Int =              let f.3: fn(Int) -> Int =
//     fn(x.4: Int) -> Int {                  fn[k.5: Int = k.2](x.4: Int) -> Int {
//       (x.4 + k.2)                            (x.4 + k.5)
//     }                                      }

import type * as In from "../ir-defs/generated/Ltasks.js";
import type * as Out from "../ir-defs/generated/Lcaptures.js";
import { Ltasks } from "../ir-defs/ltasks.js";
import { bindsAndUses, Lcaptures } from "../ir-defs/lcaptures.js";
import { forEachNode, rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { typeContext } from "./shared/expression-types.js";
import { freshNamer } from "./shared/fresh-names.js";

/** The variables a body uses that it does not bind, in the order first used. */
function freeIn(body: Out.Block, bound: Set<string>, items: ReadonlySet<string>): string[] {
  const used = new Set<string>();
  forEachNode(Lcaptures, body, (node) => {
    const { binds, uses } = bindsAndUses(node);
    if (binds !== null) bound.add(binds);
    if (uses !== null) used.add(uses);
  });
  return [...used].filter((v) => !bound.has(v) && !items.has(v));
}

/** `node` with each use of a variable that `renamed` maps replaced by its new name. */
const renameUses = rewriter<Out.Node, ReadonlyMap<string, string>>(Lcaptures, {
  Var: (node, renamed) => (renamed.has(node.name) ? { ...node, name: renamed.get(node.name)! } : node),
  Call: (node, renamed, recur) => ({ ...recur.children(node, renamed), callee: renamed.get(node.callee) ?? node.callee }),
  Capture: (node, renamed) => (renamed.has(node.outer) ? { ...node, outer: renamed.get(node.outer)! } : node),
});

export const uncoverCaptures = pass({
  name: "uncover-captures",
  from: Ltasks,
  to: Lcaptures,
  purpose: "find what each anonymous fn captures (its free variables) and give each capture a name of the function's own",
  run(program: In.Program): Out.Program {
    const types = typeContext(Ltasks, program);
    const fresh = freshNamer(Ltasks, program);
    const items = new Set(program.items.map((item) => item.name));
    const uncover = rewriter<In.Node, undefined>(Ltasks, {
      Lambda(node, ctx, recur): Out.Lambda {
        const inner = recur.children(node, ctx) as unknown as Omit<Out.Lambda, "captures">; // inner functions first
        const free = freeIn(inner.body, new Set(inner.params.map((p) => p.name)), items);
        const captures = free.map((outer): Out.Capture => ({ kind: "Capture", name: fresh(outer.replace(/\..*$/, "")), type: types.variable(outer)!, outer, loc: node.loc }));
        const renamed = new Map(captures.map((c) => [c.outer, c.name] as const));
        return { ...inner, kind: "Lambda", captures, body: renameUses(inner.body, renamed) };
      },
    });
    return uncover(program, undefined);
  },
});
