// Helpers of the register allocator's passes: bit tricks on register masks
// (allocate-registers), and priority queues (allocate-registers, choose-spill-candidates).

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
    let i = h.push({ v, key }) - 1;
    for (; i > 0 && h[(i - 1) >> 1]!.key < key; i = (i - 1) >> 1) h[i] = h[(i - 1) >> 1]!;
    h[i] = { v, key };
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

/** A min-priority queue (a binary heap) of vertices by key, the lowest-numbered vertex first
 * among equal keys; like Queue, it may hold stale entries, which the caller skips when popped. */
export class LowestFirst {
  private readonly heap: { v: number; key: number }[] = [];
  private readonly before = (a: { v: number; key: number }, b: { v: number; key: number }) => a.key < b.key || (a.key === b.key && a.v < b.v);
  push(v: number, key: number): void {
    const h = this.heap;
    const item = { v, key };
    let i = h.push(item) - 1;
    for (; i > 0 && this.before(item, h[(i - 1) >> 1]!); i = (i - 1) >> 1) h[i] = h[(i - 1) >> 1]!;
    h[i] = item;
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
      if (child + 1 < h.length && this.before(h[child + 1]!, h[child]!)) child++;
      if (!this.before(h[child]!, last)) break;
      h[i] = h[child]!;
      i = child;
    }
    h[i] = last;
    return top;
  }
}
