// fold-constants: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: compute at compile time what is known there. Propagation: a
// variable of a function that is assigned once, an Int or Bool literal, and is
// no parameter, is that literal wherever it is read; its uses become the
// literal and its assignment goes. Folding: an operator whose operands are all
// literals becomes its value, computed by ir-defs/semantics.ts, the very
// functions the interpreters use (so 64-bit wrapping, shifts by the count's
// low six bits and MIN / -1 fold exactly as the machine computes them). Each
// may enable the other: again until nothing changes.
//
// What it proves first: that a variable is assigned exactly once in its
// function, with a literal, and is not a parameter. Names are unique
// (uniquify), and a variable is read only where its `let` is in scope, so
// after its one assignment has run: every read sees that literal. Variables
// that hold a reference or a union's value are left alone (their counts are
// made later). An operation that would panic (a division or remainder by
// zero) is not folded: it stays, and panics when it runs, as before.
//
// Before:                                 After:
//   f.start:                                f.start:
//     n.1 = 2000000                           m.3 = 2000001
//     m.3 = (n.1 + 1)                         t.4 = (i.2 * i.2)
//     t.4 = (i.2 * i.2)                       if t.4 <= 2000000 goto f.block1 else f.block2
//     if t.4 <= n.1 goto f.block1 else f.block2

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { binary, Panic, unary } from "../ir-defs/semantics.js";
import { forEachNode, rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";

type Literal = C.Int | C.Bool;
const isLiteral = (a: C.CExpr): a is Literal => a.kind === "Int" || a.kind === "Bool";
const literal = (value: bigint | boolean, loc: C.Atom["loc"]): Literal =>
  typeof value === "bigint" ? { kind: "Int", value, ...(loc ? { loc } : {}) } : { kind: "Bool", value, ...(loc ? { loc } : {}) };

/** The value of an operator on literals, or null when it has other operands or would panic. */
export function foldedValue(e: C.CExpr): Literal | null {
  try {
    if (e.kind === "Binary" && isLiteral(e.left) && isLiteral(e.right)) return literal(binary(e.op, e.left.value, e.right.value), e.loc);
    if (e.kind === "Unary" && isLiteral(e.arg)) return literal(unary(e.op, e.arg.value), e.loc);
  } catch (err) {
    if (err instanceof Panic) return null; // it panics when it runs
    throw err;
  }
  return null;
}

/** The variables of `def` assigned once that are no parameter and hold no reference or union
 * value (`once`), and of those the ones assigned a literal (`values`). */
function constantsOf(def: C.Def): { values: Map<string, Literal>; once: Set<string> } {
  const assigned = new Map<string, number>();
  const values = new Map<string, Literal>();
  for (const b of def.blocks) {
    for (const s of b.stmts) {
      if (s.kind !== "Assign") continue;
      assigned.set(s.name, (assigned.get(s.name) ?? 0) + 1);
      if (isLiteral(s.value)) values.set(s.name, s.value);
    }
  }
  const kept = new Set([...def.params, ...def.refs, ...def.unions]);
  const once = new Set([...assigned].filter(([name, n]) => n === 1 && !kept.has(name)).map(([name]) => name));
  return { values: new Map([...values].filter(([name]) => once.has(name))), once };
}

/** One round: the constants' uses replaced and their assignments dropped, every operator on
 * literals folded. A variable of `once` whose value folds to a literal here is a constant too
 * for the reads after it (in the order of the blocks), so that a chain `b = a + 1; c = b + 1`
 * folds in one round; its assignment stays until the next round (a read before it still needs it). */
function round(def: C.Def, constants: ReadonlyMap<string, Literal>, once: ReadonlySet<string>): C.Def {
  const learned = new Map<string, Literal>();
  const rewrite = rewriter<C.Node, undefined>(Lcfg, {
    Var: (v) => {
      const value = constants.get(v.name) ?? learned.get(v.name);
      return value ? { ...value, ...(v.loc ? { loc: v.loc } : {}) } : v;
    },
    Assign: (s, ctx, recur) => {
      if (constants.has(s.name)) return [];
      const out = recur.children(s, ctx);
      if (once.has(s.name) && isLiteral(out.value)) learned.set(s.name, out.value);
      return out;
    },
    Binary: (e, ctx, recur) => {
      const operands = recur.children(e, ctx);
      return foldedValue(operands) ?? operands;
    },
    Unary: (e, ctx, recur) => {
      const operand = recur.children(e, ctx);
      return foldedValue(operand) ?? operand;
    },
  });
  return rewrite(def, undefined) as C.Def;
}

/** How many assignments and operators `def` has. */
const sizeOf = (def: C.Def): number => {
  let n = 0;
  forEachNode(Lcfg, def, (node) => void ((node.kind === "Assign" || node.kind === "Binary" || node.kind === "Unary") && n++));
  return n;
};

/** Whether some operator of `def` has only literal operands and would not panic: folding is not done. */
const foldable = (def: C.Def): boolean => {
  let found = false;
  forEachNode(Lcfg, def, (node) => {
    if ((node.kind === "Binary" || node.kind === "Unary") && foldedValue(node as unknown as C.CExpr)) found = true;
  });
  return found;
};

export const foldConstants = pass({
  name: "fold-constants",
  from: Lcfg,
  to: Lcfg,
  purpose: "a variable assigned one literal once becomes that literal where it is read; an operator on literals becomes its value (unless it would panic)",
  run(program: C.Program): C.Program {
    const fold = (def: C.Def): C.Def => {
      // Each round drops an assignment or folds an operator, and makes none: there are
      // at most as many rounds as there are of those (more: a round that did neither).
      let rounds = sizeOf(def);
      for (;;) {
        const { values, once } = constantsOf(def);
        if (values.size === 0 && !foldable(def)) return def;
        if (rounds-- === 0) throw new Error(`fold-constants: ${def.name} reaches no fixed point: a round dropped no assignment and folded no operator`);
        def = round(def, values, once);
      }
    };
    return { ...program, defs: program.defs.map(fold) };
  },
});
