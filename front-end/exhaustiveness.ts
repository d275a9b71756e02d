// Exhaustiveness and redundancy of a `match` (part of check-types), by Luc
// Maranget's usefulness algorithm ("Warnings for pattern matching", Journal of
// Functional Programming 17(3), 2007). spec/language.md works an example.
//
// The arms' patterns form a matrix P, one row per arm, one column per value
// looked at (at first just the scrutinee). A vector of patterns q is *useful*
// against P when some value matches q and no row of P: an arm is redundant
// when its pattern is not useful against the arms above it, and the match is
// exhaustive when `_` is not useful against all its arms. Both questions are
// answered column by column. Where the first column's patterns name every
// constructor of their type (Σ is complete: a union's constructors, a tuple's
// only one, true and false), the question splits into one per constructor c,
// each on the specialised matrix S(c, P): the rows that can match c, with c's
// fields in place of the first column. Otherwise (some constructor missing, or
// an Int or a String, which no list of literals exhausts) only the rows whose
// first pattern is a wildcard matter: the default matrix D(P). The search for a
// missing value builds it on the way back, so the error names it as a pattern:
// `Node(Leaf, _, _)` is not matched.
//
// Guarded arms may fail, so they never make a later arm redundant nor the match
// exhaustive; they can be redundant themselves. The work is bounded (a match
// can be built to take exponential time): past the bound the match is refused
// as too complex, never left to hang or overflow the stack.

/** A constructor of the values patterns match, as the algorithm sees it. */
export interface Constructor {
  /** Two patterns test the same constructor when their keys are equal. */
  readonly key: string;
  readonly arity: number;
  /** Every constructor of its type, when they are finitely many (a union's, a tuple's one,
   * true and false); null for an Int or String literal. */
  readonly siblings: (() => readonly Constructor[]) | null;
  /** How a missing value shows it, given its fields as patterns. */
  readonly show: (args: readonly string[]) => string;
}

/** A pattern as the algorithm sees it: a binder or `_` matches anything. */
export type Shape = { readonly kind: "any" } | { readonly kind: "ctor"; readonly ctor: Constructor; readonly args: readonly Shape[] };

export const anything: Shape = Object.freeze({ kind: "any" });

type Row = readonly Shape[];

/** The most steps, and the most columns deep, one match may take to check. */
export const defaultLimits = { steps: 200_000, depth: 1_000 } as const;

class TooComplex {}

interface Search {
  readonly limits: { readonly steps: number; readonly depth: number };
  steps: number;
  /** Whether a missing value holds a `_` for an Int or String that literals did not cover. */
  literals: boolean;
}

function step(search: Search, depth: number): void {
  if (++search.steps > search.limits.steps || depth > search.limits.depth) throw new TooComplex();
}

/** The rows that can match constructor c, with c's fields in place of their first pattern. */
function specialize(rows: readonly Row[], c: Constructor): Row[] {
  const out: Row[] = [];
  for (const row of rows) {
    const head = row[0]!;
    if (head.kind === "any") out.push([...Array<Shape>(c.arity).fill(anything), ...row.slice(1)]);
    else if (head.ctor.key === c.key) out.push([...head.args, ...row.slice(1)]);
  }
  return out;
}

/** The rows whose first pattern matches anything, without it. */
const defaultRows = (rows: readonly Row[]): Row[] => rows.filter((row) => row[0]!.kind === "any").map((row) => row.slice(1));

/** The constructors the first column names, each once, in order. */
function headConstructors(rows: readonly Row[]): Constructor[] {
  const seen = new Map<string, Constructor>();
  for (const row of rows) {
    const head = row[0]!;
    if (head.kind === "ctor" && !seen.has(head.ctor.key)) seen.set(head.ctor.key, head.ctor);
  }
  return [...seen.values()];
}

/** All the constructors of the first column's type when the column names each of them; else null. */
function complete(sigma: readonly Constructor[]): readonly Constructor[] | null {
  const all = sigma[0]?.siblings?.() ?? null;
  if (all === null) return null;
  const keys = new Set(sigma.map((c) => c.key));
  return all.every((c) => keys.has(c.key)) ? all : null;
}

/** Whether some row matches everything: then nothing is useful against the rows (a shortcut
 * that keeps the common cases linear: without it, columns of complete signatures split again
 * and again below a row that settles them all). */
const anyRowOfWildcards = (rows: readonly Row[]): boolean => rows.some((row) => row.every((s) => s.kind === "any"));

/** Whether some value matches q and no row of `rows`. */
function useful(rows: readonly Row[], q: Row, search: Search, depth: number): boolean {
  step(search, depth);
  if (anyRowOfWildcards(rows)) return false;
  if (q.length === 0) return rows.length === 0;
  const head = q[0]!;
  const rest = q.slice(1);
  if (head.kind === "ctor") return useful(specialize(rows, head.ctor), [...head.args, ...rest], search, depth + 1);
  const all = complete(headConstructors(rows));
  if (all === null) return useful(defaultRows(rows), rest, search, depth + 1);
  return all.some((c) => useful(specialize(rows, c), [...Array<Shape>(c.arity).fill(anything), ...rest], search, depth + 1));
}

/** n patterns that together match a value no row matches (n = the rows' width), or null
 * when every value matches some row. */
function missing(rows: readonly Row[], n: number, search: Search, depth: number): Shape[] | null {
  step(search, depth);
  if (anyRowOfWildcards(rows)) return null;
  if (n === 0) return rows.length === 0 ? [] : null;
  const sigma = headConstructors(rows);
  const all = complete(sigma);
  if (all !== null) {
    for (const c of all) {
      const found = missing(specialize(rows, c), c.arity + n - 1, search, depth + 1);
      if (found) return [{ kind: "ctor", ctor: c, args: found.slice(0, c.arity) }, ...found.slice(c.arity)];
    }
    return null;
  }
  const found = missing(defaultRows(rows), n - 1, search, depth + 1);
  if (!found) return null;
  const siblings = sigma[0]?.siblings?.();
  const absent = siblings?.find((c) => !sigma.some((s) => s.key === c.key));
  if (absent) return [{ kind: "ctor", ctor: absent, args: Array<Shape>(absent.arity).fill(anything) }, ...found];
  if (sigma.length > 0) search.literals = true;
  return [anything, ...found];
}

export function showShape(s: Shape): string {
  return s.kind === "any" ? "_" : s.ctor.show(s.args.map(showShape));
}

export interface ArmShape {
  readonly shape: Shape;
  readonly guarded: boolean;
}

export type Analysis =
  | {
      readonly kind: "done";
      /** The arms (by index) that can never match. */
      readonly redundant: readonly number[];
      /** A value no arm matches, as a pattern; null when the match is exhaustive. */
      readonly missing: string | null;
      /** Whether that value is a `_` for Ints or Strings that the arms list as literals. */
      readonly literals: boolean;
    }
  | { readonly kind: "too complex" };

/** Which arms are redundant and, if the match is not exhaustive, a value it misses. */
export function analyseMatch(arms: readonly ArmShape[], limits: Search["limits"] = defaultLimits): Analysis {
  const search: Search = { limits, steps: 0, literals: false };
  try {
    const rows: Row[] = [];
    const redundant: number[] = [];
    arms.forEach((arm, i) => {
      if (!useful(rows, [arm.shape], search, 0)) redundant.push(i);
      if (!arm.guarded) rows.push([arm.shape]);
    });
    const found = missing(rows, 1, search, 0);
    return { kind: "done", redundant, missing: found ? showShape(found[0]!) : null, literals: search.literals };
  } catch (e) {
    if (e instanceof TooComplex) return { kind: "too complex" };
    throw e;
  }
}
