// Minimising a fuzzer's finding (props/fuzz.ts): the smallest input that
// still shows the same bad outcome (`stillBad` says whether one does).
//
// 1. On the tree, when the input parses and its printed form still shows the
//    bug: run a function of no parameters as main (it goes), delete list
//    elements (items, statements, arguments, fields),
//    drop optional parts, replace a node by one of its own subtrees that fits
//    its place, an expression by a literal, a block by `{}`, make a function
//    return nothing, a literal 0, a type Int, greedily until no reduction
//    keeps the bug.
// 2. On the text: delta debugging (Zeller's ddmin, removing chunks) over the
//    lines, then over the tokens, then, for a short text, the characters.
// 3. On the input lines: ddmin over them.
//
// Every step is bounded by a number of trials (and, in `qnano fuzz`, a time):
// what is returned always still shows the bug, however far it got.
import { isNode, type AnyNode } from "../il/node.js";
import { quastraSource } from "../front-end/quastra-source.js";
import { fits, parsedTree, sitesOf, updateAt, type Site } from "./mutate-tree.js";
import { tokenSpans } from "./mutate-text.js";
import type { FuzzInput } from "./fuzz-judge.js";

export interface MinimiseLimits {
  /** Trials at most (each a call of stillBad). */
  readonly trials: number;
  /** Stop trying at this time (ms since the epoch), if given. */
  readonly deadline?: number;
}

/** Counts trials against the limits; false once they are spent. */
class Budget {
  used = 0;
  constructor(private readonly limits: MinimiseLimits) {}
  get spent(): boolean {
    return this.used >= this.limits.trials || (this.limits.deadline !== undefined && Date.now() >= this.limits.deadline);
  }
}

type Test = (input: FuzzInput) => Promise<boolean>;

/** Delta debugging over a list of pieces: removes chunks, halving their size, while `test` still holds. */
export async function ddmin<T>(units: readonly T[], test: (units: readonly T[]) => Promise<boolean>, budget: { readonly spent: boolean }): Promise<readonly T[]> {
  let current = units;
  let n = 2;
  while (current.length >= 1 && !budget.spent) {
    const size = Math.ceil(current.length / n);
    let removed = false;
    for (let start = 0; start < current.length && !budget.spent; start += size) {
      const candidate = [...current.slice(0, start), ...current.slice(start + size)];
      if (await test(candidate)) {
        current = candidate;
        n = Math.max(n - 1, 2);
        removed = true;
        break;
      }
    }
    if (!removed) {
      if (size <= 1) break;
      n = Math.min(current.length, n * 2);
    }
  }
  return current;
}

const loc = { line: 1, col: 1, length: 1 };
const smallLiterals: readonly AnyNode[] = [{ kind: "Int", value: 0n, loc }, { kind: "Bool", value: true, loc }, { kind: "Unit", loc }];

/** Smaller trees than `root`, the biggest cuts first. */
function reductions(root: AnyNode): AnyNode[] {
  const sites = sitesOf(root);
  const out: AnyNode[] = [];
  const put = (s: Site, v: unknown) => out.push(updateAt(root, s.path, () => v) as AnyNode);
  // A function of no parameters and no result run as main, and gone (a finding inside a function seldom needs main's code).
  const items = root.kind === "Program" ? (root.items as AnyNode[]) : [];
  const main = items.find((i) => i.kind === "Fn" && i.name === "main");
  for (const fn of items) {
    if (main && fn !== main && fn.kind === "Fn" && fn.ret === null && (fn.params as unknown[]).length === 0) {
      out.push({ ...root, items: items.filter((i) => i !== fn).map((i) => (i === main ? { ...main, body: fn.body } : i)) });
    }
  }
  for (const s of sites) {
    if (s.arity === "many") {
      const items = s.value as unknown[];
      items.forEach((_, i) => put(s, items.filter((__, k) => k !== i)));
    } else if (s.arity === "optional" && s.value !== null) put(s, null);
  }
  for (const s of sites) {
    if (s.arity === "many" || !isNode(s.value)) continue;
    // A subtree in its parent's place (a hoist), then a literal, then an empty block.
    for (const inner of sitesOf(s.value)) if (inner.arity !== "many" && fits(inner.value, s.type)) put(s, inner.value);
    for (const lit of smallLiterals) if (fits(lit, s.type) && (s.value as AnyNode).kind !== lit.kind) put(s, lit);
    const stmts = (s.value as AnyNode).stmts;
    if ((s.value as AnyNode).kind === "Block" && Array.isArray(stmts) && stmts.length > 0) put(s, { kind: "Block", stmts: [], loc });
  }
  for (const s of sites) {
    // A function that returns nothing: no result type, no final value (two cuts that only work together).
    const fn = s.value as AnyNode;
    if (isNode(fn) && fn.kind === "Fn" && fn.ret !== null) {
      const body = fn.body as AnyNode & { stmts: AnyNode[] };
      const stmts = body.stmts[body.stmts.length - 1]?.kind === "ExprStmt" ? body.stmts.slice(0, -1) : body.stmts;
      put(s, { ...fn, ret: null, body: { ...body, stmts } });
    }
    if (s.type === "int" && s.value !== 0n) put(s, 0n);
    if (s.type === "string" && typeof s.value === "string" && s.value.length > 0) put(s, s.value.slice(0, Math.floor(s.value.length / 2)));
    if (s.type === "type" && s.value !== "Int") put(s, "Int");
  }
  return out;
}

/** The input cut down on its tree; null when it does not parse, or its printed form hides the bug (which is then in how the text is written). */
async function minimiseTree(input: FuzzInput, test: Test, budget: Budget): Promise<FuzzInput | null> {
  let tree = parsedTree(input.source);
  if (tree === null) return null;
  let best: FuzzInput = { ...input, source: quastraSource(tree as never) };
  if (best.source !== input.source && !(await test(best))) return null;
  let from = 0;
  for (let changed = true; changed && !budget.spent; ) {
    changed = false;
    const list = reductions(tree);
    for (let k = 0; k < list.length && !budget.spent; k++) {
      const i = (from + k) % list.length;
      const candidate = { ...best, source: quastraSource(list[i]! as never) };
      if (candidate.source.length >= best.source.length) continue;
      if (await test(candidate)) {
        tree = list[i]!;
        best = candidate;
        from = i;
        changed = true;
        break;
      }
    }
  }
  return best;
}

/** The text cut into lines (each with its line break), or into tokens (each with the text before it). */
function pieces(source: string, by: "lines" | "tokens" | "chars"): string[] {
  if (by === "lines") return source.split(/(?<=\n)/);
  if (by === "chars") return [...source];
  const starts = tokenSpans(source).map((t) => t.start);
  const out: string[] = [];
  let last = 0;
  for (const s of starts.slice(1)) {
    out.push(source.slice(last, s));
    last = s;
  }
  out.push(source.slice(last));
  return out;
}

/** The smallest input found that still shows the bad outcome (the input itself when nothing smaller does). */
export async function minimise(input: FuzzInput, stillBad: Test, limits: MinimiseLimits): Promise<FuzzInput> {
  const budget = new Budget(limits);
  const test: Test = (candidate) => {
    budget.used++;
    return stillBad(candidate);
  };
  const cut = await minimiseTree(input, test, budget);
  let best = cut ?? input;
  if (best.stdin !== "") {
    const lines = await ddmin(best.stdin.split(/(?<=\n)/), (units) => test({ ...best, stdin: units.join("") }), budget);
    best = { ...best, stdin: lines.join("") };
  }
  if (cut !== null) return best; // as small as the grammar allows
  for (const by of ["lines", "tokens", "chars"] as const) {
    if (by === "chars" && best.source.length > 2000) break;
    const kept = await ddmin(pieces(best.source, by), (units) => test({ ...best, source: units.join("") }), budget);
    best = { ...best, source: kept.join("") };
  }
  // The tree again: cutting text may have made one that parses.
  return (await minimiseTree(best, test, budget)) ?? best;
}
