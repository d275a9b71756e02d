// Lborrowed: Lfunlive where a function may hold references it does not own
// (infer-borrows; Ullrich and de Moura's borrow inference in Lean 4, Perceus in
// Koka). A def's `borrows` lists them: parameters whose caller keeps the
// object alive for the whole call, and variables that only ever hold a copy of
// one, or a field of one read where no store ever writes (the fields of
// records, tuples, unions and closures never change; a Box's and an array's
// may). They are not in `refs`, so nothing counts them: no `inc` when they get
// a value, no `dec` when they die. A call `call &f(a, b) lends 0` passes a
// without a count: f's first parameter is borrowed, and the caller, which
// still holds a, drops it after the call if it dies there. A call through a
// closure lends the closure (position 0) when every closure's code borrows
// it. What makes that sound is the invariant below.
import { extendIL, terminal, type Invariant } from "../il/define.js";
import type * as L from "./generated/Lfun.js";
import { Lfunlive } from "./lfunlive.js";
import { usesOf } from "./reference-uses.js";

type Def = L.Def & { readonly borrows?: readonly string[] };
type Program = { readonly defs: readonly Def[] };
type Statement = L.CStmt | L.Tail;

export const statementsOf = (def: L.Def): Statement[] => def.blocks.flatMap((b): Statement[] => [...b.stmts, b.tail]);

/** The call a statement makes, if it makes one (not a tail call). */
export const callOf = (s: Statement): L.Call | null => (s.kind === "Assign" && s.value.kind === "Call" ? s.value : s.kind === "Do" && s.expr.kind === "Call" ? s.expr : null);

/** The atoms an expression reads, but a call's callee. */
function operands(e: L.CExpr): (L.Atom | null)[] {
  switch (e.kind) {
    case "Call": case "Prim": return [...e.args];
    case "Binary": return [e.left, e.right];
    case "Unary": return [e.arg];
    case "New": return [...e.fields];
    case "NewArray": return [e.length, e.init];
    case "Load": return [e.base, e.index];
    case "Receive": return [e.chan];
    default: return [e];
  }
}

/** Functions whose code a closure holds (its address is a value, anywhere but a call's callee): they take the closure first. */
export function closureCodes(program: Program): Set<string> {
  const codes = new Set<string>();
  for (const def of program.defs) {
    for (const s of statementsOf(def)) {
      const atoms = s.kind === "Assign" ? operands(s.value) : s.kind === "Do" ? operands(s.expr) : s.kind === "Store" ? [s.base, s.index, s.value]
        : s.kind === "CheckIndex" ? [s.index, s.length] : s.kind === "Branch" ? [s.left, s.right] : s.kind === "Return" ? [s.value] : s.kind === "TailCall" ? s.args : [];
      for (const a of atoms) {
        if (a?.kind === "FunRef") codes.add(a.name);
        if (a?.kind === "StaticClosure") codes.add(a.code);
      }
    }
  }
  return codes;
}

/** The offsets at which some store writes a field (a Box's `set`): a field read there may change. */
export function writtenOffsets(program: Program): Set<bigint> {
  return new Set(program.defs.flatMap((d) => statementsOf(d).flatMap((s) => (s.kind === "Store" && s.index === null ? [s.offset] : []))));
}

/** For each function, which of its parameters are borrowed. */
export const borrowedParams = (program: Program): Map<string, boolean[]> =>
  new Map(program.defs.map((d) => [d.name, d.params.map((p) => (d.borrows ?? []).includes(p))] as const));

export const borrowsNeverConsumed: Invariant = {
  says: "a borrowed variable is never consumed nor owned: a call lends exactly its callee's borrowed parameters, a tail call passes none an owned reference, and only a borrowed variable's copy or field read where nothing writes gives a borrowed variable a value",
  check(program) {
    const p = program as Program;
    const marks = borrowedParams(p);
    const [codes, written] = [closureCodes(p), writtenOffsets(p)];
    const lending = p.defs.some((d) => statementsOf(d).some((s) => { const c = callOf(s); return c !== null && c.callee.kind !== "FunRef" && ((c as { lent?: number[] }).lent ?? []).length > 0; }));
    const expected = (callee: L.Atom): boolean[] => (callee.kind === "FunRef" ? marks.get(callee.name) ?? [] : [lending]);
    for (const def of p.defs) {
      const borrows = new Set(def.borrows ?? []);
      const where = (message: string) => ({ path: `defs[${p.defs.indexOf(def)}]`, message: `${def.name}: ${message}` });
      if (codes.has(def.name) && marks.get(def.name)![0] !== lending) return where(`its closure is ${lending ? "lent" : "passed owned"}, but it ${lending ? "does not borrow" : "borrows"} it`);
      if (codes.has(def.name) && marks.get(def.name)!.slice(1).some(Boolean)) return where("a closure's code borrows a parameter other than its closure, which a call through it passes owned");
      const owned = def.refs.find((v) => borrows.has(v));
      if (owned !== undefined) return where(`${owned} is both borrowed and owned`);
      for (const s of statementsOf(def)) {
        let consumed = usesOf(s, borrows).consumed;
        if (s.kind === "Assign" && borrows.has(s.name)) {
          const v = s.value;
          if (def.params.includes(s.name)) return where(`the borrowed parameter ${s.name} is assigned`);
          const source = v.kind === "Var" ? v : v.kind === "Load" && v.index === null && !written.has(v.offset) ? v.base : null;
          if (source?.kind !== "Var" || !borrows.has(source.name)) return where(`the borrowed ${s.name} gets a value no borrowed variable holds`);
          consumed = [];
        }
        const call = callOf(s);
        if (call) {
          const lent = (call as { lent?: number[] }).lent ?? [];
          const want = expected(call.callee).flatMap((b, i) => (b && i < call.args.length ? [i] : []));
          if (lent.join() !== want.join()) return where(`a call lends ${lent.join(", ") || "nothing"} where its callee borrows ${want.join(", ") || "nothing"}`);
        }
        if (s.kind === "TailCall") {
          const lent = expected(s.callee);
          consumed = s.args.flatMap((a, i) => (a.kind === "Var" && borrows.has(a.name) && !lent[i] ? [a.name] : []));
          const given = s.args.find((a, i) => lent[i] && a.kind === "Var" && def.refs.includes(a.name));
          if (given?.kind === "Var") return where(`a tail call passes ${given.name}, which it owns, to a borrowed parameter`);
        }
        if (consumed.length > 0) return where(`the borrowed ${consumed[0]} is consumed`);
      }
    }
    return null;
  },
};

export const Lborrowed = extendIL(Lfunlive, {
  name: "Lborrowed",
  purpose: "borrowed references explicit: a def lists the variables it holds without owning, a call the arguments it lends",
  terminals: { count: terminal.count },
  add: {
    Def: { Def: "fn <name:name>(<params:name*, >)< borrows |borrows:name*, >< refs |refs:name*, >< unions |unions:name*, ><blocks:BasicBlock*\n>" },
    CExpr: { Call: "call <callee:Atom>(<args:Atom*, >)< lends |lent:count*, >" },
  },
  invariants: [borrowsNeverConsumed],
});
