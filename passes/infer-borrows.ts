// infer-borrows: Lfunlive -> Lborrowed
//
// Borrow inference (Ullrich and de Moura, "Counting Immutable Beans", Lean 4;
// Perceus in Koka). A parameter that its function only looks at need not be
// owned: the caller, which holds the object anyway, lends it, and neither incs
// it before the call nor has the callee dec it at the end. Walking a shared
// tree (eval, size) then touches no count at all, since the children read out
// of a borrowed node are borrowed too: a field of a record, tuple, union or
// closure never changes, so the node keeps them alive.
//
// A variable may be borrowed when it is a parameter that is never assigned, or
// a variable that only ever gets a copy of a borrowed one or a field of one
// read where no store writes (Lborrowed). Start with all of them borrowed,
// then, to a fixed point over every function at once (recursion: a work list
// of functions, a caller again when its callee's parameter changes), demote
// (make owned) each one that is consumed (passed to an owned parameter,
// returned, stored, put in a new object, copied to an owned variable) and each
// parameter that a tail call passes a reference its caller owns (it could not
// drop it after: the call would stop being a tail call).
//
// A call through a closure passes the closure first, to code the caller does
// not know. So the closure is lent to every closure's code or to none: lent
// when the program calls through a closure, every code can borrow it and no
// tail call through a closure passes one its caller owns. A task's code is
// given its closure by the runtime (qn_spawn), which moves it there: in a
// program that spawns, no closure is lent.
//
// Before (Lfunlive):                          After (Lborrowed):
//   fn size(e.1) refs a.2, e.1                  fn size(e.1) borrows a.2, e.1
//     size.start: # live: e.1                     size.start: # live:
//       a.2 = *(e.1 + 24): Union                    a.2 = *(e.1 + 24): Union
//       n.3 = call &size(a.2)                       n.3 = call &size(a.2) lends 0
//       return n.3                                  return n.3

import type * as In from "../ir-defs/generated/Lfunlive.js";
import type * as Out from "../ir-defs/generated/Lborrowed.js";
import { Lfunlive } from "../ir-defs/lfunlive.js";
import { Lborrowed, callOf, closureCodes, statementsOf, writtenOffsets } from "../ir-defs/lborrowed.js";
import { usesOf } from "../ir-defs/reference-uses.js";
import { pass } from "../il/pass.js";

type Statement = In.CStmt | In.Tail;
/** The positions a callee borrows, as the inference stands. */
type Lends = (callee: In.Atom) => boolean[];

/** Where a borrowed variable could get its value from: a variable it copies or reads a field of. */
function sourceOf(e: In.CExpr, written: ReadonlySet<bigint>): string | null {
  if (e.kind === "Var") return e.name;
  if (e.kind === "Load" && e.index === null && !written.has(e.offset) && e.base.kind === "Var") return e.base.name;
  return null;
}

/** The variables a function may borrow, before its uses are looked at. */
function candidates(def: In.Def, code: boolean, lendClosures: boolean, written: ReadonlySet<bigint>): Set<string> {
  const values = new Map<string, In.CExpr[]>();
  for (const b of def.blocks) for (const s of b.stmts) if (s.kind === "Assign") (values.get(s.name) ?? values.set(s.name, []).get(s.name)!).push(s.value);
  const refs = new Set(def.refs);
  const params = def.params.filter((p, i) => refs.has(p) && !values.has(p) && (!code || (lendClosures && i === 0)));
  const derived = [...values].filter(([v, es]) => refs.has(v) && !def.params.includes(v) && es.every((e) => sourceOf(e, written) !== null));
  return new Set([...params, ...derived.map(([v]) => v)]);
}

/** A statement with each call's lent positions written in. */
function lending(s: Statement, lends: Lends): Statement {
  const call = callOf(s);
  if (call === null) return s;
  const lent = lends(call.callee).flatMap((b, i) => (b && i < call.args.length ? [i] : []));
  const value = { ...call, lent };
  return s.kind === "Assign" ? { ...s, value } : { ...s, expr: value } as Statement;
}

/** The borrowed variables a statement consumes. */
function consumedBy(s: Statement, mine: ReadonlySet<string>, lends: Lends): string[] {
  if (s.kind === "Assign" && mine.has(s.name) && s.value.kind !== "Call") return []; // a copy or a field of a borrowed one: checked apart
  if (s.kind !== "TailCall") return usesOf(lending(s, lends), mine).consumed;
  const lent = lends(s.callee);
  return s.args.flatMap((a, i) => (a.kind === "Var" && mine.has(a.name) && !lent[i] ? [a.name] : []));
}

/** Each function's borrowed variables, at the fixed point, and what each call lends; null when closures cannot be lent after all. */
function infer(program: In.Program, lendClosures: boolean): { borrowed: Map<string, Set<string>>; lends: Lends } | null {
  const [codes, written] = [closureCodes(program), writtenOffsets(program)];
  const defs = new Map(program.defs.map((d) => [d.name, d] as const));
  const borrowed = new Map(program.defs.map((d) => [d.name, candidates(d, codes.has(d.name), lendClosures, written)] as const));
  const lends: Lends = (callee) => {
    if (callee.kind !== "FunRef") return [lendClosures];
    const def = defs.get(callee.name);
    return def ? def.params.map((p) => borrowed.get(def.name)!.has(p)) : [];
  };
  // A work list of functions to look at again: one whose variable was demoted, and the callers of one whose parameter was.
  const callers = new Map(program.defs.map((d) => [d.name, new Set<string>()] as const));
  const statements = new Map(program.defs.map((d) => [d.name, statementsOf(d) as Statement[]] as const));
  for (const d of program.defs) {
    for (const s of statements.get(d.name)!) {
      const callee = s.kind === "TailCall" ? s.callee : callOf(s)?.callee;
      if (callee?.kind === "FunRef") callers.get(callee.name)?.add(d.name);
    }
  }
  const work = program.defs.map((d) => d.name).reverse();
  const queued = new Set(work);
  const again = (f: string) => queued.has(f) || (queued.add(f), work.push(f));
  let stuck = false;
  const demote = (f: string, v: string) => {
    if (!borrowed.get(f)!.delete(v)) return;
    again(f);
    if (defs.get(f)!.params.includes(v)) callers.get(f)!.forEach(again);
  };
  while (work.length > 0) {
    const def = defs.get(work.pop()!)!;
    queued.delete(def.name);
    const [mine, refs] = [borrowed.get(def.name)!, new Set(def.refs)];
    for (const s of statements.get(def.name)!) {
      consumedBy(s, mine, lends).forEach((v) => demote(def.name, v));
      if (s.kind === "Assign" && mine.has(s.name) && !mine.has(sourceOf(s.value, written) ?? "")) demote(def.name, s.name);
      if (s.kind !== "TailCall") continue;
      const lent = lends(s.callee);
      s.args.forEach((a, i) => {
        if (!lent[i] || a.kind !== "Var" || !refs.has(a.name) || mine.has(a.name)) return;
        if (s.callee.kind === "FunRef") demote(s.callee.name, defs.get(s.callee.name)!.params[i]!);
        else stuck = true; // an owned closure, tail called: it must be passed owned
      });
    }
  }
  const code = [...codes].find((c) => defs.has(c) && !borrowed.get(c)!.has(defs.get(c)!.params[0] ?? ""));
  return lendClosures && (stuck || code !== undefined) ? null : { borrowed, lends };
}

function rewrite(def: In.Def, mine: ReadonlySet<string>, lends: Lends): Out.Def {
  const owned = (vs: readonly string[]) => vs.filter((v) => !mine.has(v));
  const blocks = def.blocks.map((b) => ({ ...b, live: owned(b.live), stmts: b.stmts.map((s) => lending(s, lends) as Out.CStmt) }));
  return { ...def, borrows: [...mine].sort(), refs: owned(def.refs), unions: owned(def.unions), blocks } as Out.Def;
}

export const inferBorrows = pass({
  name: "infer-borrows",
  from: Lfunlive,
  to: Lborrowed,
  purpose: "borrow inference: parameters only looked at, and what is read out of them, are lent by the caller and not counted",
  run(program: In.Program): Out.Program {
    const spawn = (e: In.CExpr) => e.kind === "Prim" && e.op === "spawn";
    const spawns = program.defs.some((d) => statementsOf(d).some((s) => (s.kind === "Do" && spawn(s.expr)) || (s.kind === "Assign" && spawn(s.value))));
    const throughClosures = !spawns && program.defs.some((d) => statementsOf(d).some((s) => callOf(s)?.callee.kind === "Var"));
    const { borrowed, lends } = (throughClosures ? infer(program, true) : null) ?? infer(program, false)!;
    return { ...program, defs: program.defs.map((d) => rewrite(d, borrowed.get(d.name)!, lends)) };
  },
});
