// Helpers of allocate-registers: bit tricks on register masks, and a priority queue.

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
