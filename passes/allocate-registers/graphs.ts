// Graph helpers of allocate-registers: how deep in loops each block lies (for
// spill costs), which variables may have to spill, bit tricks on register
// masks, and a priority queue.
import type { AnyNode } from "../../il/node.js";
import { successorsOf, type RegisterMachine } from "../../ir-defs/register-allocation.js";

export type Block = { label: string; instrs: AnyNode[] };

/** How many loops each block lies in: natural loops of the back edges found by depth-first search. */
export function loopDepths(blocks: readonly Block[], machine: RegisterMachine): number[] {
  const successors = successorsOf(blocks, machine);
  const predecessors: number[][] = blocks.map(() => []);
  successors.forEach((out, from) => out.forEach((to) => predecessors[to]!.push(from)));
  // Back edges: to a block still on the depth-first search's path.
  const state = new Uint8Array(blocks.length); // 0 unseen, 1 on the path, 2 done
  const bodies = new Map<number, Set<number>>(); // loop header -> the blocks of its loop
  const stack: [number, number][] = blocks.length ? [[0, 0]] : [];
  if (blocks.length) state[0] = 1;
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const [b, next] = top;
    if (next >= successors[b]!.length) {
      state[b] = 2;
      stack.pop();
      continue;
    }
    top[1]++;
    const s = successors[b]![next]!;
    if (state[s] === 0) (state[s] = 1), stack.push([s, 0]);
    else if (state[s] === 1) {
      // b -> s closes a loop headed by s: its body is s and all that reach b without passing s.
      const body = bodies.get(s) ?? new Set([s]);
      bodies.set(s, body);
      const work = [b];
      while (work.length) {
        const x = work.pop()!;
        if (body.has(x)) continue;
        body.add(x);
        work.push(...predecessors[x]!);
      }
    }
  }
  const depth = blocks.map(() => 0);
  for (const body of bodies.values()) for (const b of body) depth[b]!++;
  return depth;
}

/** The index of the lowest bit set in a non-zero mask. */
export const lowestBit = (mask: number): number => 31 - Math.clz32(mask & -mask);

export const popcount = (mask: number): number => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

/** A max-priority queue (a binary heap) of vertices by key; it may hold stale entries, skipped when popped. */
export class Queue {
  private readonly heap: { v: number; key: number }[] = [];
  push(v: number, key: number): void {
    const h = this.heap;
    const entry = { v, key };
    let i = h.length;
    h.push(entry);
    while (i > 0 && h[(i - 1) >> 1]!.key < key) {
      h[i] = h[(i - 1) >> 1]!;
      i = (i - 1) >> 1;
    }
    h[i] = entry;
  }
  pop(): { v: number; key: number } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= h.length) break;
      if (child + 1 < h.length && h[child + 1]!.key > h[child]!.key) child++;
      if (h[child]!.key <= last.key) break;
      h[i] = h[child]!;
      i = child;
    }
    h[i] = last;
    return top;
  }
}

/**
 * Which vertices may have to spill (1) and which surely find a colour (0).
 * A vertex with fewer neighbours than colours `free` to it surely finds one:
 * set it aside, which lowers its neighbours' degrees. When none is left that
 * surely does, the vertex of lowest cost per neighbour becomes a candidate and
 * is set aside too.
 */
export function spillCandidates(neighbours: readonly (readonly number[])[], free: (v: number) => number, cost: readonly number[]): Uint8Array {
  const n = neighbours.length;
  const degree = neighbours.map((ns) => ns.length);
  const setAside = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  const low = [...Array(n).keys()].filter((v) => degree[v]! < free(v));
  let left = n;
  const remove = (v: number): void => {
    setAside[v] = 1;
    left--;
    for (const w of neighbours[v]!) if (!setAside[w] && --degree[w]! === free(w) - 1) low.push(w);
  };
  while (left > 0) {
    const v = low.pop();
    if (v !== undefined) {
      if (!setAside[v]) remove(v);
      continue;
    }
    let cheapest = -1;
    for (let w = 0; w < n; w++) {
      if (!setAside[w] && (cheapest < 0 || cost[w]! / degree[w]! < cost[cheapest]! / degree[cheapest]!)) cheapest = w;
    }
    candidate[cheapest] = 1;
    remove(cheapest);
  }
  return candidate;
}
