// mark-tail-calls: Lcfg -> Ltail
//
// Purpose: make a call whose value the function returns at once a tail call,
// which the back ends compile as a jump that reuses the caller's frame (so
// recursion in tail position runs in constant stack). That is
// - `return f(x)`;
// - a call of a fn item that returns Unit just before the function returns ()
//   (directly, or through blocks that only go to one that does). A fn item
//   returns Unit when each of its returns gives () or what another such item
//   returns (explicate-returns has a Unit function return nothing else).
// A tail call may take only as many arguments as every target passes in
// registers (ir-defs/targets.ts): a stack argument would lie in the frame the
// call gives up. `return f(...)` with more becomes a call into a new variable
// and a return of it (which needs no counting: the reference, if it is one, is
// handed on at once).
//
// Before (Lcfg):                        After (Ltail):
//   fn sum(n.1, acc.2)                    fn sum(n.1, acc.2)
//     sum.block2:                           sum.block2:
//       tmp.3 = (n.1 - 1)                     tmp.3 = (n.1 - 1)
//       return sum(tmp.3, acc.2)              tailcall sum(tmp.3, acc.2)
//   fn main()                             fn main()
//     main.start:                           main.start:
//       print_int(1)                          print_int(1)
//       tick(3)                               tailcall tick(3)
//       return ()

import type * as In from "../ir-defs/generated/Lcfg.js";
import type * as Out from "../ir-defs/generated/Ltail.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { Ltail } from "../ir-defs/ltail.js";
import { registerArguments } from "../ir-defs/targets.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";

/** The fn items that return (): each of their returns gives () or what such an item returns
 * (the largest such set: a function that never returns is in it too, harmlessly). */
function unitFunctions(defs: readonly In.Def[]): Set<string> {
  const unit = new Set(defs.map((d) => d.name));
  const returnsUnit = (t: In.Tail) => (t.kind === "Return" ? t.value.kind === "Unit" : t.kind !== "ReturnCall" || unit.has(t.callee));
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of defs) if (unit.has(d.name) && !d.blocks.every((b) => returnsUnit(b.tail))) changed = unit.delete(d.name);
  }
  return unit;
}

export const markTailCalls = pass({
  name: "mark-tail-calls",
  from: Lcfg,
  to: Ltail,
  purpose: "a call whose value the function returns at once becomes a tail call, when every target passes its arguments in registers",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lcfg, program);
    const unit = unitFunctions(program.defs);
    const mark = (def: In.Def): Out.Def => {
      const blocks = new Map(def.blocks.map((b) => [b.label, b] as const));
      /** Whether `tail` returns () at once, or goes (through empty blocks) to a block that does only that. */
      const returnsNothing = (tail: In.Tail, seen = new Set<string>()): boolean => {
        if (tail.kind !== "Goto") return tail.kind === "Return" && tail.value.kind === "Unit";
        const next = blocks.get(tail.target)!;
        if (next.stmts.length > 0 || seen.has(tail.target)) return false; // an empty loop never returns
        return returnsNothing(next.tail, seen.add(tail.target));
      };
      return {
        ...def,
        blocks: def.blocks.map((b): Out.BasicBlock => {
          const t = b.tail;
          if (t.kind === "ReturnCall") {
            if (t.args.length <= registerArguments) return { ...b, tail: { ...t, kind: "TailCall" } };
            const result = fresh("result");
            const call: Out.Call = { kind: "Call", callee: t.callee, args: t.args, loc: t.loc };
            return { ...b, stmts: [...b.stmts, { kind: "Assign", name: result, value: call, loc: t.loc }], tail: { kind: "Return", value: { kind: "Var", name: result }, loc: t.loc } };
          }
          const last = b.stmts[b.stmts.length - 1];
          if (last?.kind !== "Do" || last.expr.kind !== "Call" || !unit.has(last.expr.callee)) return b as Out.BasicBlock;
          const { callee, args, loc } = last.expr;
          if (args.length > registerArguments || !returnsNothing(t)) return b as Out.BasicBlock;
          return { ...b, stmts: b.stmts.slice(0, -1), tail: { kind: "TailCall", callee, args, loc } };
        }),
      };
    };
    return { ...program, defs: program.defs.map(mark) };
  },
});
