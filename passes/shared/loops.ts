// The loops of a function's control-flow graph, for the passes that move code
// out of them (hoist-invariants on Lcfg, hoist-immediates on Lalloc): found from
// their ways back, with dominators by Cooper, Harvey and Kennedy's iteration.
import { reversePostorder, successors } from "../../ir-defs/reference-uses.js";

/** A function as the loop finder sees it: its blocks, each with a label and a tail (Lcfg's or a later IL's). */
type Blocks = readonly { readonly label: string; readonly tail: { readonly kind: string } }[];

const next = (b: Blocks[number]): string[] => successors(b.tail as unknown as Parameters<typeof successors>[0]);

/** Each block's predecessors. */
function predecessors(blocks: Blocks): Map<string, string[]> {
  const preds = new Map<string, string[]>();
  for (const b of blocks) for (const s of next(b)) preds.set(s, [...(preds.get(s) ?? []), b.label]);
  return preds;
}

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
  const preds = predecessors(blocks);
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
        if (body.has(at)) continue;
        body.add(at);
        stack.push(...(preds.get(at) ?? []));
      }
      found.set(h, body);
    }
  }
  const entries = (header: string, body: Set<string>) => (preds.get(header) ?? []).filter((p) => !body.has(p));
  return [...found].map(([header, body]) => ({ header, body, entries: entries(header, body) })).sort((a, b) => a.body.size - b.body.size);
}
