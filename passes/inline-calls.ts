// inline-calls: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: a call of a small function on no cycle of calls becomes a copy of
// its body. The calling block ends at the call: the parameters are bound to the
// arguments, a goto enters the copy, its variables and labels renamed apart
// (`main.step_1.start`), and each `return v` of the copy becomes `x = v` (x,
// the call's variable) and a goto to what followed the call (`main.step_1.after`).
// A tail call `return f(a)` keeps the copy's returns. Before fold-constants,
// which then sees the body with the caller's literals in it.
//
// Small: at most `inlineBudget` statements, each block's tail counting as one.
// The functions are taken callees first (Tarjan's algorithm gives the cycles of
// the call graph in that order), so a callee's calls are inlined already when
// its size is counted, and each call is looked at once: the pass ends, and an
// inlined call adds at most twice the budget and a statement per parameter.
//
// What it proves first: that the callee is a function of the program (not a
// function value in a variable) and on no cycle of the call graph (f calls f,
// or f calls g calls f), so that no copy holds a call to be inlined again. The
// arguments are atoms (remove-complex-operands computed each once, in order,
// before the call), so reading one again does nothing: a parameter that the
// callee never assigns becomes the argument's variable itself; another, or one
// given a literal, a new variable assigned the argument once, in order.
//
// Before:                                 After:
//   main.block3:                            main.block3:
//     tmp.10 = call step(acc.3, i.5)          goto main.step_1.start
//     sum.4 = (sum.4 + tmp.10)              main.step_1.start:
//     goto main.block2                        tmp.12 = (i.5 & 1023)
//   step.start:                               result.13 = (tmp.12 + 7)
//     tmp.6 = (i.2 & 1023)                    tmp.10 = result.13
//     result.11 = (tmp.6 + 7)                 goto main.step_1.after
//     return result.11                      main.step_1.after:
//                                             sum.4 = (sum.4 + tmp.10)
//                                             goto main.block2

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { stronglyConnected } from "../il/graphs.js";
import { forEachNode, rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";

/** The most statements (and block tails) a function may have to be inlined. */
export const inlineBudget = 16;

/** A function's size: its statements, and a tail per block. */
const sizeOf = (def: C.Def): number => def.blocks.reduce((n, b) => n + b.stmts.length + 1, 0);

/** The functions of the program `def` calls directly. */
function callees(def: C.Def, defs: ReadonlyMap<string, C.Def>): Set<string> {
  const found = new Set<string>();
  forEachNode(Lcfg, def, (n) => {
    if ((n.kind === "Call" || n.kind === "ReturnCall") && defs.has(n.callee as string)) found.add(n.callee as string);
  });
  return found;
}

/** The call a statement or tail makes to a function of `inlinable`, if any: what receives its value. */
function inlinedCall(s: C.CStmt | C.Tail, inlinable: ReadonlyMap<string, C.Def>): { call: C.Call | C.ReturnCall; into: string | null; tail: boolean } | null {
  if (s.kind === "ReturnCall") return inlinable.has(s.callee) ? { call: s, into: null, tail: true } : null;
  const [call, into] = s.kind === "Assign" ? [s.value, s.name] : s.kind === "Do" ? [s.expr, null] : [null, null];
  return call?.kind === "Call" && inlinable.has(call.callee) ? { call, into, tail: false } : null;
}

/** A callee's name as a part of a label. */
const labelPart = (name: string) => name.replace(/[^A-Za-z0-9_]/g, "_");
const hint = (name: string) => name.replace(/\.\d+$/, "");

export const inlineCalls = pass({
  name: "inline-calls",
  from: Lcfg,
  to: Lcfg,
  purpose: `a call of a function of at most ${inlineBudget} statements that is on no cycle of calls becomes a copy of its body`,
  run(program: C.Program): C.Program {
    const defs = new Map(program.defs.map((d) => [d.name, d] as const));
    const fresh = freshNamer(Lcfg, program);
    const inlinable = new Map<string, C.Def>();
    let sites = 0;

    /** A copy of `callee`'s blocks, labelled `prefix...`, its parameters bound to `args`; its returns
     * assign `into` and go to `after` (or stay returns, when `after` is null). */
    const copy = (callee: C.Def, prefix: string, args: readonly C.Atom[], into: string | null, after: string | null) => {
      const label = (l: string) => prefix + l.slice(callee.name.length + 1);
      const assigned = new Set<string>();
      forEachNode(Lcfg, callee, (n) => void (n.kind === "Assign" && assigned.add(n.name as string)));
      const names = new Map<string, string>();
      const bindings: C.CStmt[] = [];
      callee.params.forEach((p, i) => {
        const arg = args[i]!;
        if (arg.kind === "Var" && !assigned.has(p)) return void names.set(p, arg.name);
        names.set(p, fresh(hint(p)));
        bindings.push({ kind: "Assign", name: names.get(p)!, value: arg, loc: arg.loc });
      });
      const rename = (n: string) => names.get(n) ?? names.set(n, fresh(hint(n))).get(n)!;
      const local = (n: string) => (callee.params.includes(n) || assigned.has(n) ? rename(n) : n);
      const renamed = rewriter<C.Node, undefined>(Lcfg, {
        Var: (v) => ({ ...v, name: local(v.name) }),
        Assign: (s, ctx, recur) => ({ ...recur.children(s, ctx), name: rename(s.name) }),
        Call: (e, ctx, recur) => ({ ...recur.children(e, ctx), callee: local(e.callee) }),
        ReturnCall: (t, ctx, recur) => ({ ...recur.children(t, ctx), callee: local(t.callee) }),
        Goto: (t) => ({ ...t, target: label(t.target) }),
        Branch: (t, ctx, recur) => ({ ...recur.children(t, ctx), then: label(t.then), else: label(t.else) }),
        BasicBlock: (b, ctx, recur) => {
          const block = { ...(recur.children(b, ctx) as C.BasicBlock), label: label(b.label) };
          const { tail } = block;
          if (after === null || (tail.kind !== "Return" && tail.kind !== "ReturnCall")) return block;
          const value: C.CExpr = tail.kind === "Return" ? tail.value : { kind: "Call", callee: tail.callee, args: tail.args, loc: tail.loc };
          const last: C.CStmt[] = into !== null ? [{ kind: "Assign", name: into, value, loc: tail.loc }] : value.kind === "Call" ? [{ kind: "Do", expr: value, loc: tail.loc }] : [];
          return { ...block, stmts: [...block.stmts, ...last], tail: { kind: "Goto", target: after, loc: tail.loc } };
        },
      });
      const blocks = callee.blocks.map((b) => renamed(b, undefined) as C.BasicBlock);
      const ours = (list: readonly string[]) => list.flatMap((n) => (names.has(n) ? [names.get(n)!] : []));
      return { bindings, blocks, refs: ours(callee.refs), unions: ours(callee.unions) };
    };

    /** `def` with each call of a function of `inlinable` replaced by a copy of its body. */
    const inlineInto = (def: C.Def): C.Def => {
      const [blocks, refs, unions] = [[] as C.BasicBlock[], new Set(def.refs), new Set(def.unions)];
      const pending = [...def.blocks].reverse();
      for (let b = pending.pop(); b !== undefined; b = pending.pop()) {
        const at = b.stmts.findIndex((s) => inlinedCall(s, inlinable));
        const found = inlinedCall(at >= 0 ? b.stmts[at]! : b.tail, inlinable);
        if (found === null) {
          blocks.push(b);
          continue;
        }
        const callee = inlinable.get(found.call.callee)!;
        const prefix = `${def.name}.${labelPart(callee.name)}_${++sites}.`;
        const after = found.tail ? null : `${prefix}after`;
        const c = copy(callee, prefix, found.call.args, found.into, after);
        c.refs.forEach((r) => refs.add(r));
        c.unions.forEach((u) => unions.add(u));
        const before = at >= 0 ? b.stmts.slice(0, at) : b.stmts;
        blocks.push({ ...b, stmts: [...before, ...c.bindings], tail: { kind: "Goto", target: c.blocks[0]!.label, loc: found.call.loc } }, ...c.blocks);
        if (after !== null) pending.push({ kind: "BasicBlock", label: after, stmts: b.stmts.slice(at + 1), tail: b.tail });
      }
      return { ...def, refs: [...refs], unions: [...unions], blocks };
    };

    const calls = new Map([...defs.values()].map((d) => [d.name, callees(d, defs)] as const));
    for (const component of stronglyConnected(defs.keys(), (f) => calls.get(f)!)) {
      for (const f of component) if ([...calls.get(f)!].some((g) => inlinable.has(g))) defs.set(f, inlineInto(defs.get(f)!));
      const recursive = component.length > 1 || calls.get(component[0]!)!.has(component[0]!);
      for (const f of component) if (!recursive && sizeOf(defs.get(f)!) <= inlineBudget) inlinable.set(f, defs.get(f)!);
    }
    return { ...program, defs: program.defs.map((d) => defs.get(d.name)!) };
  },
});
