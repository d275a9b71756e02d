// Helpers of insert-refcounts: how each statement and tail of Lfun uses the
// variables that hold references, which of them are live where, and string
// literals given a variable of their own where a reference to one is consumed.
//
// A use either consumes a reference (the value goes somewhere that will own
// it: a variable it is copied to, an argument, a field of a new object, a
// stored element, the function's result) or borrows it (the object is only
// looked at: an operand of a primitive, the object a load or store goes
// through, the array `array(n, x)` fills with x, whose count the runtime
// raises by n itself).

import type * as L from "../../ir-defs/generated/Lfun.js";

export interface Uses {
  /** Variables whose reference the statement consumes, once per occurrence, in order. */
  readonly consumed: string[];
  /** Variables it borrows. */
  readonly borrowed: Set<string>;
}

const varOf = (a: L.Atom, refs: ReadonlySet<string>): string | null => (a.kind === "Var" && refs.has(a.name) ? a.name : null);

/** How a statement or tail uses the variables of `refs`. */
export function usesOf(s: L.CStmt | L.Tail, refs: ReadonlySet<string>): Uses {
  const consumed: string[] = [];
  const borrowed = new Set<string>();
  const consume = (a: L.Atom | null) => {
    const v = a && varOf(a, refs);
    if (v) consumed.push(v);
  };
  const borrow = (a: L.Atom | null) => {
    const v = a && varOf(a, refs);
    if (v) borrowed.add(v);
  };
  const expression = (e: L.CExpr) => {
    switch (e.kind) {
      case "Binary": return [e.left, e.right].forEach(borrow);
      case "Unary": return borrow(e.arg);
      case "Prim": return e.args.forEach(borrow);
      case "Call": borrow(e.callee); return e.args.forEach(consume);
      case "New": return e.fields.forEach(consume);
      case "NewArray": return [e.length, e.init].forEach(borrow);
      case "Load": return [e.base, e.index].forEach(borrow);
      default: return consume(e); // an atom copied into a variable
    }
  };
  switch (s.kind) {
    case "Assign": expression(s.value); break;
    case "Do": expression(s.expr); break;
    case "Store": [s.base, s.index].forEach(borrow); consume(s.value); break;
    case "CheckIndex": [s.index, s.length].forEach(borrow); break;
    case "Branch": [s.left, s.right].forEach(borrow); break;
    case "Return": consume(s.value); break;
    case "TailCall": borrow(s.callee); s.args.forEach(consume); break;
    case "Goto": break;
  }
  return { consumed, borrowed };
}

/** Every variable of `refs` that `s` reads. */
export const readsOf = (s: L.CStmt | L.Tail, refs: ReadonlySet<string>): string[] => {
  const { consumed, borrowed } = usesOf(s, refs);
  return [...consumed, ...borrowed];
};

export const successors = (t: L.Tail): string[] => (t.kind === "Goto" ? [t.target] : t.kind === "Branch" ? [t.then, t.else] : []);

/** The variables of `refs` live at the start of each block: a fixed point over the graph. */
export function liveIn(blocks: readonly L.BasicBlock[], refs: ReadonlySet<string>): Map<string, Set<string>> {
  const transfer = (b: L.BasicBlock, out: ReadonlySet<string>): Set<string> => {
    const live = new Set(out);
    readsOf(b.tail, refs).forEach((v) => live.add(v));
    for (let i = b.stmts.length - 1; i >= 0; i--) {
      const s = b.stmts[i]!;
      if (s.kind === "Assign") live.delete(s.name);
      readsOf(s, refs).forEach((v) => live.add(v));
    }
    return live;
  };
  const live = new Map(blocks.map((b) => [b.label, new Set<string>()] as const));
  const byLabel = new Map(blocks.map((b) => [b.label, b] as const));
  const predecessors = new Map(blocks.map((b) => [b.label, [] as string[]] as const));
  for (const b of blocks) for (const s of successors(b.tail)) predecessors.get(s)!.push(b.label);
  const work = blocks.map((b) => b.label).reverse();
  while (work.length > 0) {
    const label = work.pop()!;
    const b = byLabel.get(label)!;
    const next = transfer(b, liveOut(b, live));
    if (next.size !== live.get(label)!.size) {
      live.set(label, next);
      for (const p of predecessors.get(label)!) if (!work.includes(p)) work.push(p);
    }
  }
  return live;
}

/** The variables live at the end of a block: live at the start of one of its successors. */
export function liveOut(b: L.BasicBlock, live: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const out = new Set<string>();
  for (const s of successors(b.tail)) live.get(s)!.forEach((v) => out.add(v));
  return out;
}

/** A string literal where a reference is consumed becomes a variable that owns one. */
export function nameLiterals(def: L.Def, fresh: (hint: string) => string, refs: Set<string>): L.BasicBlock[] {
  return def.blocks.map((b) => {
    const stmts: L.CStmt[] = [];
    const own = (a: L.Atom): L.Atom => {
      if (a.kind !== "Str") return a;
      const name = fresh("str");
      refs.add(name);
      stmts.push({ kind: "Assign", name, value: a, loc: a.loc });
      return { kind: "Var", name, loc: a.loc };
    };
    const stmt = (s: L.CStmt): L.CStmt => {
      if (s.kind === "Store") return { ...s, value: own(s.value) };
      if (s.kind !== "Assign" && s.kind !== "Do") return s;
      const e = s.kind === "Assign" ? s.value : s.expr;
      const changed: L.CExpr = e.kind === "Call" ? { ...e, args: e.args.map(own) } : e.kind === "New" ? { ...e, fields: e.fields.map(own) } : e;
      return s.kind === "Assign" ? { ...s, value: changed } : { ...s, expr: changed };
    };
    for (const s of b.stmts) stmts.push(stmt(s));
    const t = b.tail;
    const tail: L.Tail = t.kind === "Return" ? { ...t, value: own(t.value) } : t.kind === "TailCall" ? { ...t, args: t.args.map(own) } : t;
    return { ...b, stmts, tail };
  });
}
