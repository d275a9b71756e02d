// Helpers of the register allocator's passes: bit tricks on register masks
// (allocate-registers), and priority queues (allocate-registers, choose-spill-candidates).
// Serves choose-spill-candidates (Lx86graph -> Lx86costs, La64graph -> La64costs) and
// allocate-registers (Lx86costs -> Lx86coloured, La64costs -> La64coloured).

/** The index of the lowest bit set in a non-zero mask. */
export const lowestBit = (mask: number): number => 31 - Math.clz32(mask & -mask);

export const popcount = (mask: number): number => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

type Entry = { v: number; key: number };

/** Lowest key first, and the lowest-numbered vertex first among equal keys (choose-spill-candidates). */
export const lowestFirst = (a: Entry, b: Entry): boolean => a.key < b.key || (a.key === b.key && a.v < b.v);

/** A priority queue (a binary heap) of vertices by key, the highest key first unless `before`
 * says another order; it may hold stale entries, which the caller skips when popped. */
export class Queue {
  private readonly heap: Entry[] = [];
  constructor(private readonly before: (a: Entry, b: Entry) => boolean = (a, b) => a.key > b.key) {}
  push(v: number, key: number): void {
    const h = this.heap;
    const item = { v, key };
    let i = h.push(item) - 1;
    for (; i > 0 && this.before(item, h[(i - 1) >> 1]!); i = (i - 1) >> 1) h[i] = h[(i - 1) >> 1]!;
    h[i] = item;
  }
  pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= h.length) break;
      if (child + 1 < h.length && this.before(h[child + 1]!, h[child]!)) child++;
      if (!this.before(h[child]!, last)) break;
      h[i] = h[child]!;
      i = child;
    }
    h[i] = last;
    return top;
  }
}
