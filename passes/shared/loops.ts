// The loops of a function's control-flow graph, for the passes that move code
// out of them (hoist-invariants on Lcfg, hoist-immediates on Lalloc): found from
// their ways back, with dominators by Cooper, Harvey and Kennedy's iteration.
// And a loop's counters, for the passes that follow them (reduce-strength on
// Lcfg, step-pointers on Lalloc). Serves hoist-invariants and reduce-strength
// (Lcfg -> Lcfg), hoist-immediates and step-pointers (Lalloc -> Lalloc).
import { predecessors, reversePostorder, successors } from "../../ir-defs/reference-uses.js";
import { wrap } from "../../ir-defs/semantics.js";

/** A function as the loop finder sees it: its blocks, each with a label and a tail (Lcfg's or a later IL's). */
type Blocks = readonly { readonly label: string; readonly tail: { readonly kind: string } }[];

const next = (b: Blocks[number]): string[] => successors(b.tail as unknown as Parameters<typeof successors>[0]);
const predecessorsOf = (blocks: Blocks) => predecessors(blocks as unknown as Parameters<typeof predecessors>[0]);

/** Each reached block's immediate dominator (Cooper, Harvey and Kennedy's iteration over reverse postorder), and each block's place in that order. */
function dominators(blocks: Blocks, preds: Map<string, string[]>): { idom: Map<string, string>; index: Map<string, number> } {
  // Reverse postorder puts the blocks not reached last: those (no dominator) have no predecessor reached before them.
  const order = reversePostorder(blocks as unknown as Parameters<typeof reversePostorder>[0]).map((b) => b.label);
  const index = new Map(order.map((l, i) => [l, i]));
  const idom = new Map([[order[0]!, order[0]!]]);
  const meet = (a: string, b: string) => {
    while (a !== b) {
      while (index.get(a)! > index.get(b)!) a = idom.get(a)!;
      while (index.get(b)! > index.get(a)!) b = idom.get(b)!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of order.slice(1)) {
      const done = (preds.get(b) ?? []).filter((p) => idom.has(p));
      const d = done.slice(1).reduce(meet, done[0]!);
      if (d === undefined || idom.get(b) === d) continue;
      idom.set(b, d);
      changed = true;
    }
  }
  return { idom, index };
}

/** The function's loops, innermost (fewest blocks) first: each header, its blocks and the blocks outside that lead into it. */
export function loops(blocks: Blocks): { header: string; body: Set<string>; entries: string[] }[] {
  const preds = predecessorsOf(blocks);
  const { idom, index } = dominators(blocks, preds);
  const dominates = (h: string, b: string): boolean => {
    let at = b;
    while (at !== h && idom.get(at) !== at) at = idom.get(at)!;
    return at === h;
  };
  const found = new Map<string, Set<string>>();
  for (const b of blocks) {
    for (const h of next(b)) {
      // A way back goes to a block no later in reverse postorder (only those are asked: the walk up is long from far).
      if (!idom.has(b.label) || index.get(h)! > index.get(b.label)! || !dominates(h, b.label)) continue;
      const body = found.get(h) ?? new Set([h]);
      for (const stack = [b.label]; stack.length > 0; ) {
        const at = stack.pop()!;
        // A block never reached (left behind by a branch folded away) is in no loop: what it reads may be set nowhere.
        if (body.has(at) || !idom.has(at)) continue;
        body.add(at);
        stack.push(...(preds.get(at) ?? []));
      }
      found.set(h, body);
    }
  }
  const entries = (header: string, body: Set<string>) => (preds.get(header) ?? []).filter((p) => !body.has(p));
  return [...found].map(([header, body]) => ({ header, body, entries: entries(header, body) })).sort((a, b) => a.body.size - b.body.size);
}

/** An atom as stepOf reads it: a variable's name or a literal's value. */
type Atom = { readonly kind: string; readonly name?: string; readonly value?: unknown };

/** The literal step c of a counter's assignment `v = v + c`, `v = c + v` or `v = v - c` (Lcfg's or a later IL's), or null. */
export function stepOf(s: { readonly name: string; readonly value: { readonly kind: string; readonly op?: string; readonly left?: Atom; readonly right?: Atom } }): bigint | null {
  const { kind, op, left, right } = s.value;
  if (kind !== "Binary" || (op !== "+" && op !== "-") || !left || !right) return null;
  const self = (a: Atom) => a.kind === "Var" && a.name === s.name;
  if (self(left) && right.kind === "Int") return op === "+" ? (right.value as bigint) : wrap(-(right.value as bigint));
  if (op === "+" && self(right) && left.kind === "Int") return left.value as bigint;
  return null;
}

/** A statement as assignmentsOf reads it: an assignment's name and value (a receive's `found` is assigned too). */
type Statement = { readonly kind: string; readonly name?: string; readonly value?: { readonly kind: string; readonly found?: string } };
type Assignment<S> = S & { readonly name: string; readonly value: NonNullable<Statement["value"]> };

/** What a loop's statements assign: each variable, with each of its assignments. */
export function assignmentsOf<S extends Statement>(stmts: Iterable<S>): Map<string, Assignment<S>[]> {
  const assigned = new Map<string, Assignment<S>[]>();
  const note = (name: string, s: Assignment<S>) => assigned.set(name, [...(assigned.get(name) ?? []), s]);
  for (const s of stmts) {
    if (s.kind !== "Assign") continue;
    note(s.name!, s as Assignment<S>);
    if (s.value!.kind === "Receive") note(s.value!.found!, s as Assignment<S>);
  }
  return assigned;
}

/** A loop's counters (induction variables), by name, each with its one assignment in the loop and its
 * step c: a variable the loop assigns once, by `v = v + c`, `v = c + v` or `v = v - c` (stepOf), that its
 * entry block assigns too, so it has a value when the loop starts. */
export function countersOf<S extends Statement>(assigned: Map<string, Assignment<S>[]>, entry: readonly Statement[]): Map<string, { stmt: Assignment<S>; step: bigint }> {
  const setBefore = new Set(entry.flatMap((s) => (s.kind === "Assign" ? [s.name!] : [])));
  const counters = new Map<string, { stmt: Assignment<S>; step: bigint }>();
  for (const [name, list] of assigned) {
    const step = list.length === 1 ? stepOf(list[0] as Parameters<typeof stepOf>[0]) : null;
    if (step !== null && setBefore.has(name)) counters.set(name, { stmt: list[0]!, step });
  }
  return counters;
}
