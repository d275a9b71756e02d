// lift-functions: Lcaptures -> Llifted
//
// Lifts every anonymous function to the top level: it becomes an item, a
// function of its own that takes its captures first, then its parameters, and
// where it was, `closure NAME(k.2)` makes the function value: NAME with its
// captures given the values of the variables captured (read there, when the
// closure is made). Its body refers to nothing outside it but through its
// captures (Lcaptures' invariant), so it means the same at the top level.
// Inner functions are lifted too, and their bodies hold closures where they
// were. A lifted function is named after the item it comes from, `main_fn1`,
// `main_fn2`, ... in the order the functions are written (a name the program
// has already is skipped), and comes right after that item.
//
// Before (Lcaptures):                    After (Llifted):
//   fn main() -> Unit {                    fn main() -> Unit {
//     let k.2: Int = 5                       let k.2: Int = 5
//     let f.3: fn(Int) -> Int =              let f.3: fn(Int) -> Int = closure main_fn1(k.2)
//       fn[k.5: Int = k.2](x.4: Int)         ...
//         -> Int { (x.4 + k.5) }           }
//     ...                                  fn main_fn1[k.5: Int](x.4: Int) -> Int {
//   }                                        (x.4 + k.5)
//                                          }

import type * as In from "../ir-defs/generated/Lcaptures.js";
import type * as Out from "../ir-defs/generated/Llifted.js";
import { Lcaptures } from "../ir-defs/lcaptures.js";
import { Llifted } from "../ir-defs/llifted.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";

/** Names for new items, `<hint>1`, `<hint>2`, ... (or `<hint>` itself first, unless `numbered`),
 * skipping those in `taken` (which each name given joins). */
export function itemNamer(taken: Set<string>): (hint: string, numbered?: boolean) => string {
  const counts = new Map<string, number>();
  return (hint, numbered = true) => {
    const base = hint.replace(/[^A-Za-z0-9_]/g, "_");
    if (!numbered && !taken.has(base)) return taken.add(base), base;
    let n = counts.get(base) ?? 0;
    let name: string;
    do name = `${base}${++n}`; while (taken.has(name));
    counts.set(base, n);
    taken.add(name);
    return name;
  };
}

interface Lifting {
  /** The item being lifted from. */
  readonly item: string;
  /** Its lifted functions so far, in the order they are written. */
  readonly lifted: (Out.LiftedFn | null)[];
}

export const liftFunctions = pass({
  name: "lift-functions",
  from: Lcaptures,
  to: Llifted,
  purpose: "make every anonymous fn an item that takes its captures first; where it was, a closure names it with the values captured",
  run(program: In.Program): Out.Program {
    const name = itemNamer(new Set(program.items.map((item) => item.name)));
    const lift = rewriter<In.Node, Lifting>(Lcaptures, {
      Lambda(node, cx, recur): Out.Closure {
        const code = name(`${cx.item}_fn`);
        const slot = cx.lifted.push(null) - 1; // in the order written: before the functions inside it
        const captures = node.captures.map((c): Out.Param => ({ kind: "Param", name: c.name, type: c.type, loc: c.loc }));
        const body = recur<Out.Block>(node.body, cx);
        cx.lifted[slot] = { kind: "LiftedFn", name: code, captures, params: node.params, ret: node.ret, body, loc: node.loc };
        return { kind: "Closure", code, captures: node.captures.map((c): Out.Var => ({ kind: "Var", name: c.outer, loc: c.loc })), loc: node.loc };
      },
    });
    const items = program.items.flatMap((item): Out.Item[] => {
      const cx: Lifting = { item: item.name, lifted: [] };
      const lifted = lift(item, cx) as Out.Item;
      return [lifted, ...(cx.lifted as Out.LiftedFn[])];
    });
    return { ...program, items };
  },
});
