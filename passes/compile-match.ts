// compile-match: Lnotry -> Lnomatch
//
// Compiles each match to a decision tree (Maranget, "Compiling pattern matching
// to good decision trees", 2008). The scrutinee is computed once into a
// variable; the arms are a matrix, one row per arm, one column per value still
// to look at. A binder in a column becomes a `let` of that column's variable;
// a row of wildcards matches, and gives its arm (if its guard holds: else the
// rows below it go on). Otherwise the first column where the first row has a
// pattern is tested: a tuple's elements become columns; for a union, one
// branch per constructor that some row names, in declaration order, keeps the
// rows that name it or a wildcard, with its fields as new columns (read only
// when some row looks at them); a literal's column likewise, one branch per
// value. The rows with a wildcard there are the branch for all the rest; when
// every constructor (or true and false) has its branch, the last needs no test.
// So no tag or literal is tested twice on a path, and an arm reached on several
// paths is copied with fresh names (shared/fresh-copy.ts).
//
// Before:                                    After:
//   match xs.1: List {                         {let s.4: List = xs.1
//     List::Cons(h.2: Int, _) if (h.2 > 0)      if (s.4 is List::Cons) {let h.5: Int = (s.4 as List::Cons).head
//       => h.2                                     let h.2: Int = h.5
//     _ => 0                                       if (h.2 > 0) {h.2} else {0}} else {0}}
//   }

import type * as In from "../ir-defs/generated/Lnotry.js";
import type * as Out from "../ir-defs/generated/Lnomatch.js";
import { Lnotry } from "../ir-defs/lnotry.js";
import { Lnomatch } from "../ir-defs/lnomatch.js";
import { parseType, showType } from "../ir-defs/type-syntax.js";
import { rewriter, type Recur } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshCopy } from "./shared/fresh-copy.js";
import { freshNamer } from "./shared/fresh-names.js";
import { unionsByName } from "./shared/unions.js";

type Pat = In.Pattern;
type Loc = In.Expr["loc"];
/** An arm still possible: its patterns left, one per column, and the lets of the binders met so far. */
interface Row { readonly pats: readonly Pat[]; readonly binds: readonly Out.Stmt[]; readonly arm: In.Arm }
/** A value still to look at: the variable holding it, and its type. */
interface Col { readonly name: string; readonly type: string }
type Lit = Extract<Pat, { kind: "IntPat" | "BoolPat" | "StrPat" }>;

const wild: Pat = { kind: "Wildcard" };
const isWild = (p: Pat): boolean => p.kind === "Wildcard";
const v = (name: string, loc: Loc): Out.Var => ({ kind: "Var", name, loc });
const letOf = (name: string, type: string, init: Out.Expr, loc: Loc): Out.Let => ({ kind: "Let", decl: "let", name, type, init, loc });
const block = (stmts: readonly Out.Stmt[], value: Out.Expr, loc: Loc): Out.Block =>
  ({ kind: "Block", stmts: [...stmts, { kind: "ExprStmt", expr: value, loc }], loc });
const asBlock = (e: Out.Expr): Out.Block => (e.kind === "Block" ? e : block([], e, e.loc));

/** A chain of tests, each with its branch, then `otherwise` (null: the last branch needs no test). */
function chain(branches: readonly { test: Out.Expr; then: Out.Expr }[], otherwise: Out.Expr | null): Out.Expr {
  const last = otherwise ?? branches[branches.length - 1]!.then;
  const tested = otherwise ? branches : branches.slice(0, -1);
  return tested.reduceRight<Out.Expr>((rest, b) => ({ kind: "If", cond: b.test, then: asBlock(b.then), else: rest, loc: b.test.loc }), last);
}

/** The test that a value equals a literal pattern. */
function literalTest(col: Col, p: Lit): Out.Expr {
  const [x, loc] = [v(col.name, p.loc), p.loc];
  if (p.kind === "StrPat") return { kind: "Prim", op: "string_eq", args: [x, { kind: "Str", value: p.value, loc }], loc };
  return { kind: "Binary", op: "==", left: x, right: p.kind === "IntPat" ? { kind: "Int", value: p.value, loc } : { kind: "Bool", value: p.value, loc }, loc };
}

export const compileMatch = pass({
  name: "compile-match",
  from: Lnotry,
  to: Lnomatch,
  purpose: "compile each match to a decision tree of constructor tests and literal comparisons, testing each at most once on a path",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lnotry, program);
    const unions = unionsByName(program.items);
    const compiled = new Map<In.Arm, { guard: Out.Expr | null; body: Out.Expr; used: boolean }>();

    /** Where a row matches: its binders' lets, then its guard and body (fresh names from the second time on). */
    function leaf(row: Row, rest: readonly Row[], cols: readonly Col[], recur: Recur<undefined>): Out.Expr {
      let arm = compiled.get(row.arm);
      if (!arm) compiled.set(row.arm, (arm = { guard: row.arm.guard && recur<Out.Expr>(row.arm.guard, undefined), body: recur<Out.Expr>(row.arm.body, undefined), used: false }));
      const loc = row.arm.loc;
      const whole = block([...row.binds, { kind: "ExprStmt", expr: arm.guard ?? { kind: "Unit", loc }, loc }], arm.body, loc);
      const copy = arm.used ? freshCopy(whole, fresh) : whole;
      arm.used = true;
      const stmts = copy.stmts.slice(0, -2);
      const [guard, body] = copy.stmts.slice(-2).map((s) => (s as Out.ExprStmt).expr) as [Out.Expr, Out.Expr];
      if (!arm.guard) return stmts.length === 0 ? body : block(stmts, body, loc);
      return block(stmts, { kind: "If", cond: guard, then: asBlock(body), else: tree(cols, rest, recur), loc }, loc);
    }

    /** The decision tree of the rows over the columns. */
    function tree(cols: readonly Col[], given: readonly Row[], recur: Recur<undefined>): Out.Expr {
      const rows = given.map((r): Row => {
        const binds = r.pats.flatMap((p, k) => (p.kind === "Binder" ? [letOf(p.name, p.type, v(cols[k]!.name, p.loc), p.loc)] : []));
        return { ...r, pats: r.pats.map((p) => (p.kind === "Binder" ? wild : p)), binds: [...r.binds, ...binds] };
      });
      if (rows.length === 0) throw new Error("no arm matches here: check-types proves every match exhaustive");
      const i = rows[0]!.pats.findIndex((p) => !isWild(p));
      if (i < 0) return leaf(rows[0]!, rows.slice(1), cols, recur);
      const [col, head, loc] = [cols[i]!, rows[0]!.pats[i]!, rows[0]!.pats[i]!.loc];
      /** The rows whose pattern at column i `keep` takes, that pattern replaced by the `inner` ones. */
      const sub = (keep: (p: Pat) => boolean, inner: (p: Pat) => readonly Pat[]): Row[] =>
        rows.filter((r) => keep(r.pats[i]!)).map((r) => ({ ...r, pats: [...r.pats.slice(0, i), ...inner(r.pats[i]!), ...r.pats.slice(i + 1)] }));
      const subtree = (rowsOf: readonly Row[], added: readonly Col[]) => tree([...cols.slice(0, i), ...added, ...cols.slice(i + 1)], rowsOf, recur);
      const rest = () => subtree(sub(isWild, () => []), []);
      if (head.kind === "TuplePat") {
        const t = parseType(col.type)!;
        const added = (t.kind === "tuple" ? t.elems : []).map((e): Col => ({ name: fresh("elem"), type: showType(e) }));
        const lets = added.map((c, k) => letOf(c.name, c.type, { kind: "Field", target: v(col.name, loc), field: String(k), loc }, loc));
        return block(lets, subtree(sub(() => true, (p) => (p.kind === "TuplePat" ? p.elems : added.map(() => wild))), added), loc);
      }
      if (head.kind === "CtorPat") {
        const union = unions.get(col.type)!;
        const named = union.ctors.filter((c) => rows.some((r) => r.pats[i]!.kind === "CtorPat" && (r.pats[i] as In.CtorPat).ctor === c.name));
        const branch = (c: In.Ctor) => {
          const argsOf = (p: Pat) => (p.kind === "CtorPat" ? p.args : c.fields.map(() => wild));
          const kept = sub((p) => isWild(p) || (p as In.CtorPat).ctor === c.name, argsOf);
          const looked = c.fields.map((_, k) => kept.some((r) => !isWild(r.pats[i + k]!)));
          const added = c.fields.flatMap((f, k) => (looked[k] ? [{ name: fresh(f.name), type: f.type, field: f.name }] : []));
          const rowsOf = kept.map((r) => ({ ...r, pats: r.pats.filter((_, k) => k < i || k >= i + c.fields.length || looked[k - i]) }));
          const lets = added.map((a) => letOf(a.name, a.type, { kind: "CtorField", value: v(col.name, loc), type: col.type, ctor: c.name, field: a.field, loc }, loc));
          return block(lets, subtree(rowsOf, added), loc);
        };
        const test = (c: In.Ctor): Out.Expr => ({ kind: "IsCtor", value: v(col.name, loc), type: col.type, ctor: c.name, loc });
        return chain(named.map((c) => ({ test: test(c), then: branch(c) })), named.length === union.ctors.length ? null : rest());
      }
      const lits = rows.map((r) => r.pats[i]!).filter((p, k, all): p is Lit => !isWild(p) && all.findIndex((q) => (q as Lit).value === (p as Lit).value) === k);
      const branches = lits.map((lit) => ({ test: literalTest(col, lit), then: subtree(sub((p) => isWild(p) || (p as Lit).value === lit.value, () => []), []) }));
      return chain(branches, head.kind === "BoolPat" && lits.length === 2 ? null : rest());
    }

    const compile = rewriter<In.Node, undefined>(Lnotry, {
      Match(node, ctx, recur): Out.Block {
        const s: Col = { name: fresh("scrutinee"), type: node.type };
        const rows = node.arms.map((arm): Row => ({ pats: [arm.pattern], binds: [], arm }));
        return block([letOf(s.name, s.type, recur<Out.Expr>(node.scrutinee, ctx), node.loc)], tree([s], rows, recur), node.loc);
      },
    });
    return compile(program, undefined) as Out.Program;
  },
});
