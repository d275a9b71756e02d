// Realizing `match` (props/realize-unions.ts does the rest of what the
// `unions` switch adds). A match stands wherever an expression of any type
// may: its scrutinee is a value of a union, Option, Result, tuple, Int, Bool
// or String, its arms bind names and have guards, and their bodies have the
// match's type or leave (`break`, `continue`, `return`).
//
// Every match is exhaustive and has no arm that can never match, so the
// checker neither refuses it nor warns (spec/language.md, "Exhaustiveness"):
// its patterns are the leaves of a *partition* of the scrutinee's values, in
// an order where each leaf matches something that no leaf before it does.
// A union splits into its constructors, each with its fields split in turn
// (or bound, or `_`); a tuple into the product of its elements' partitions,
// taken in lexicographic order; an Int into a few literals and then the
// rest; a Bool into `true, false` or `false, _`. So `match t { Leaf => ..,
// Node(Leaf, x, _) => .., Node(Node(_, _, _), x, _) => .. }`. Then some
// last leaves may become one `_` (a final wildcard); an arm with a guard is
// followed by the same pattern without one (arms with a guard cover nothing,
// spec/language.md); and the constructors may come in another order.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { parseType, showType } from "../ir-defs/type-syntax.js";
import { dataExpr } from "./realize-data.js";
import { typed } from "./union-values.js";
import { edgeInts, stringLits, type ArmSkel, type MatchE } from "./skeleton.js";
import { kindOf, laterOperand, namePool, type Context, type Variable, type Walk } from "./walk.js";

/** A pattern of a partition and the names it binds. */
export interface Leaf {
  readonly pattern: Lsrc.Pattern;
  readonly binders: readonly Variable[];
}

/** How a partition is made: `top`, its first split is always on the constructors; `keep`,
 * the types whose values are always bound, never split nor `_`; `order` rotates the first
 * split's constructors. */
export interface PartitionOptions {
  readonly top: boolean;
  readonly keep?: ReadonlySet<string>;
  readonly order?: number;
}

/** The leaves of every partition have at most this many patterns. */
const maxLeaves = 6;
const intLiterals = [0n, 1n, -1n, 2n, 5n, -5n, 42n, ...edgeInts.slice(4, 8)];

/** An ordered partition of the values of `type`, read from the choices `shape` (0 when they run out). */
export function partition(w: Walk, type: string, shape: readonly number[], options: PartitionOptions): Leaf[] {
  const u = w.types.unions!;
  let at = 0;
  const next = () => shape[at++] ?? 0;
  const taken = new Set<string>();
  const name = (): string => {
    const free = namePool.filter((n) => !taken.has(n));
    const chosen = free.length > 0 && next() % 3 !== 0 ? free[next() % free.length]! : w.fresh("m");
    taken.add(chosen);
    return chosen;
  };
  /** A value bound whole: a name, or `_`. */
  const bind = (t: string, always = false): Leaf[] => {
    if (!always && next() % 4 === 0) {
      w.used.add("wildcard pattern");
      return [{ pattern: { kind: "Wildcard" }, binders: [] }];
    }
    w.used.add("binder pattern");
    const n = name();
    return [{ pattern: { kind: "Binder", name: n }, binders: [{ name: n, type: t, mutable: false }] }];
  };
  /** The product of the elements' partitions, in lexicographic order, at most `budget` long. */
  const product = (types: readonly string[], depth: number, budget: number): { patterns: Lsrc.Pattern[]; binders: Variable[] }[] => {
    let rows: { patterns: Lsrc.Pattern[]; binders: Variable[] }[] = [{ patterns: [], binders: [] }];
    for (const t of types) {
      let leaves = split(t, depth + 1, Math.max(1, Math.floor(budget / rows.length)));
      if (rows.length * leaves.length > budget) leaves = bind(t);
      rows = rows.flatMap((r) => leaves.map((l) => ({ patterns: [...r.patterns, l.pattern], binders: [...r.binders, ...l.binders] })));
    }
    return rows;
  };
  const nested = (depth: number) => depth > 0 && w.used.add("nested pattern");
  const split = (t: string, depth: number, budget: number): Leaf[] => {
    if (depth > 0 && options.keep?.has(t)) return bind(t, true);
    const n = next();
    const top = depth === 0 && options.top;
    const ctors = u.ctors(t);
    if (ctors !== null) {
      if (ctors.length > budget || depth >= 3 || (!top && n % 3 === 0)) return bind(t);
      nested(depth);
      w.used.add("constructor pattern");
      const each = Math.max(1, Math.floor(budget / ctors.length));
      const groups = ctors.map((c): Leaf[] =>
        c.fields.length === 0
          ? [{ pattern: { kind: "Binder", name: c.name }, binders: [] }]
          : product(c.fields.map((f) => f.type), depth, each).map((r) => ({ pattern: { kind: "CtorPat", ctor: c.name, args: r.patterns }, binders: r.binders })),
      );
      // Constructors cover disjoint values: any order of them is a partition.
      const turn = depth === 0 ? (options.order ?? 0) % groups.length : 0;
      if (turn > 0) w.used.add("constructors matched in another order");
      return [...groups.slice(turn), ...groups.slice(0, turn)].flat();
    }
    const tree = parseType(t);
    if (tree?.kind === "tuple") {
      if (depth >= 3 || n % 3 === 0) return bind(t);
      nested(depth);
      w.used.add("tuple pattern");
      return product(tree.elems.map(showType), depth, budget).map((r) => ({ pattern: { kind: "TuplePat", elems: r.patterns }, binders: r.binders }));
    }
    const literal = (pattern: Lsrc.Pattern): Leaf => ({ pattern, binders: [] });
    if (t === "Bool" && budget >= 2 && n % 3 !== 0) {
      nested(depth);
      w.used.add("Bool literal pattern");
      return n % 3 === 1 ? [literal({ kind: "BoolPat", value: true }), literal({ kind: "BoolPat", value: false })] : [literal({ kind: "BoolPat", value: false }), ...bind(t)];
    }
    if ((t === "Int" || t === "String") && budget >= 2 && n % 3 !== 0) {
      nested(depth);
      const count = Math.min(budget - 1, 1 + (n % 2));
      const values = t === "Int" ? intLiterals : stringLits;
      const chosen = new Set<number>();
      for (let i = 0; i < count; i++) chosen.add((next() + i) % values.length);
      const leaves = [...chosen].map((i): Leaf => {
        const value = values[i]!;
        if (typeof value === "bigint") w.used.add(value < 0n ? "negative Int literal pattern" : "Int literal pattern");
        else w.used.add("String literal pattern");
        return literal(typeof value === "bigint" ? { kind: "IntPat", value } : { kind: "StrPat", value });
      });
      return [...leaves, ...bind(t)];
    }
    return bind(t);
  };
  return split(type, 0, maxLeaves);
}

/** Whether `match` can look into values of the type (a union, a tuple, Int, Bool, String); a
 * type parameter's values are opaque. */
function matchable(w: Walk, t: string): boolean {
  if (t === "Int" || t === "Bool" || t === "String") return true;
  if (w.types.unions!.ctors(t) !== null) return true;
  return parseType(t)?.kind === "tuple";
}

/** The scrutinee's type, by pick: mostly a variable's in scope (a union's, when there is one), or a
 * union of the palette, or a scalar. */
function scrutineeType(w: Walk, ctx: Context, pick: number): string {
  const isUnion = (t: string) => w.types.unions!.ctors(t) !== null;
  const inScope = [...new Set(w.visible(ctx.scope, null, false).map((x) => x.type).filter((t) => matchable(w, t) && w.types.unions!.canMake(t)))];
  const unions = inScope.filter(isUnion);
  const palette = w.types.palette.map((t) => t.canon).filter(isUnion);
  const fresh = [...palette, ...palette, "Int", "Bool", "String", "Option[Int]"];
  const from = pick % 4 === 0 || inScope.length === 0 ? fresh : pick % 4 !== 3 && unions.length > 0 ? unions : inScope;
  return from[pick % from.length]!;
}

/** What a match's scrutinee is, in the names of the constructs. */
function scrutineeKind(w: Walk, t: string): string {
  if (t.startsWith("Option[")) return "Option";
  if (t.startsWith("Result[")) return "Result";
  if (w.types.unions!.ctors(t) !== null) return "union";
  return parseType(t)?.kind === "tuple" ? "tuple" : t;
}

/** `match scrutinee { arms }` of the type, its arms' bodies realized by `self`. */
export function matchOver<E>(w: Walk, e: MatchE<E>, type: string, ctx: Context, self: (e: E, ctx: Context) => Lsrc.Expr): Lsrc.Expr {
  const first = e.arms[0];
  if (first === undefined) return w.fallback(type, e.pick);
  if (ctx.constant || w.types.unions === null) return self(first.body, ctx);
  const subject = scrutineeType(w, ctx, e.pick);
  const scrutinee = typed(w, dataExpr(w, e.scrutinee, subject, ctx), subject);
  w.used.add(`match ${kindOf(type)}`);
  w.used.add(`match on ${scrutineeKind(w, subject)}`);
  if (scrutinee.kind === "Var") w.used.add("match on a variable");
  if (scrutinee.kind === "Match") w.used.add("match on a match");
  let leaves = partition(w, subject, e.shape, { top: true, order: e.order });
  if (e.rest % 3 === 0 && leaves.length >= 2) {
    // The last leaves become one `_` (or a name for the whole value): it still matches what they did.
    const keep = 1 + (Math.floor(e.rest / 3) % (leaves.length - 1));
    const all: Leaf = e.rest % 2 === 0 ? { pattern: { kind: "Wildcard" }, binders: [] } : { pattern: { kind: "Binder", name: "rest" }, binders: [{ name: "rest", type: subject, mutable: false }] };
    leaves = [...leaves.slice(0, keep), all];
    w.used.add("final wildcard");
  }
  // Guards, bodies and arms come after the scrutinee, which they may change (it was read once).
  const after = laterOperand(ctx, scrutinee);
  const arms: Lsrc.Arm[] = [];
  const n = e.arms.length;
  leaves.forEach((leaf, i) => {
    const inArm = (): Context => ({ ...after, scope: [...after.scope, ...leaf.binders] });
    const last = i === leaves.length - 1;
    const a = e.arms[i % n]!;
    // A guard on an arm's first use only (a short match has arms to spare for longer partitions).
    if (a.guard !== null && i < n) {
      const c = inArm();
      w.used.add("guard");
      if (a.guard.k === "sideEffect" || a.guard.k === "effect") w.used.add("guard with a side effect");
      arms.push({ kind: "Arm", pattern: leaf.pattern, guard: w.bool(a.guard, c), body: armBody(w, a, c, false, self) });
      // The same pattern again without the guard, for when it is false.
      arms.push({ kind: "Arm", pattern: leaf.pattern, guard: null, body: armBody(w, e.arms[(i + 1) % n]!, inArm(), last, self) });
    } else arms.push({ kind: "Arm", pattern: leaf.pattern, guard: null, body: armBody(w, a, inArm(), last, self) });
  });
  return { kind: "Match", scrutinee, arms };
}

/** An arm's body: its value, or now and then `break`, `continue` or `return`, when they may stand
 * there (the last arm always has a value, so that the match has its type). */
function armBody<E>(w: Walk, a: ArmSkel<E>, ctx: Context, value: boolean, self: (e: E, ctx: Context) => Lsrc.Expr): Lsrc.Expr {
  const escape = value ? 0 : a.escape;
  if ((escape === 1 || escape === 2) && ctx.loops > 0) {
    w.used.add(escape === 1 ? "arm that breaks" : "arm that continues");
    return { kind: "Block", stmts: [{ kind: escape === 1 ? "Break" : "Continue" }] };
  }
  if (escape === 3 && ctx.result !== undefined) {
    w.used.add("arm that returns");
    const returned = ctx.result === "Unit" ? null : dataExpr(w, a.ret, ctx.result, ctx);
    return { kind: "Block", stmts: [{ kind: "Return", value: returned }] };
  }
  return self(a.body, ctx);
}
