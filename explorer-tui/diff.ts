// What a pass changed: a line diff of two printed programs (the words that
// changed inside a line: diff-words.ts).
//
// Lines are compared without their indentation (the source is indented by 4,
// the printer by 2; a loop that a pass wraps moves its body, not its meaning).
// The diff takes off the common head and tail, then, in what is left:
// - while the two sides are small (n * m at most limits.exactCells), the longest
//   common subsequence, exactly, from the dynamic-programming table;
// - else the lines that occur once on each side anchor it (patience diff: the
//   longest run of such lines in the same order on both sides), and the gaps
//   between anchors are diffed the same way, recursively;
// - a big gap without any such line is compared by Myers' greedy O(ND) search
//   up to limits.maxEdits edits, and beyond that shown as removed then added.
// All of it is near-linear on programs of any size: a 5,000-line program after
// uniquify, where every line with a variable changes, diffs in milliseconds.

export type Sign = " " | "-" | "+";

export interface DiffLine {
  readonly sign: Sign;
  readonly text: string;
  /** The index of the line on its side: in `before` for "-", in `after` for " " and "+". */
  readonly at: number;
}

/**
 * Where line `line` (0-based) of `before` is in `after`, for a link to follow
 * an edit of its file: its own line when the diff keeps it ("kept"); else the
 * line now in its place: the first line added there ("edited"), or, when none
 * was, the next line kept ("removed").
 */
export function followLine(before: readonly string[], after: readonly string[], line: number): { readonly at: number; readonly how: "kept" | "edited" | "removed" } {
  const diff = diffLines(before, after);
  let [i, j] = [0, 0];
  for (let k = 0; k < diff.length; k++) {
    const d = diff[k]!;
    if (d.sign === "+") j++;
    else if (i === line) {
      const how = d.sign === " " ? "kept" : diff.slice(k + 1).find((e) => e.sign !== "-")?.sign === "+" ? "edited" : "removed";
      return { at: Math.min(j, Math.max(0, after.length - 1)), how };
    } else [i, j] = [i + 1, d.sign === " " ? j + 1 : j];
  }
  return { at: Math.max(0, after.length - 1), how: "removed" };
}

/** Where the methods change: up to exactCells (n * m) the exact table; up to maxEdits, Myers' search. */
export const limits = { exactCells: 1_000_000, maxEdits: 1_000 };

const key = (line: string) => line.trim();

export function diffLines(before: readonly string[], after: readonly string[], { exactCells, maxEdits } = limits): DiffLine[] {
  const a = before.map(key);
  const b = after.map(key);
  const out: DiffLine[] = [];
  const same = (i: number, j: number) => out.push({ sign: " ", text: after[j]!, at: j });
  const removed = (i: number) => out.push({ sign: "-", text: before[i]!, at: i });
  const added = (j: number) => out.push({ sign: "+", text: after[j]!, at: j });

  const region = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    let head = 0;
    while (aLo + head < aHi && bLo + head < bHi && a[aLo + head] === b[bLo + head]) head++;
    let tail = 0;
    while (aHi - tail > aLo + head && bHi - tail > bLo + head && a[aHi - tail - 1] === b[bHi - tail - 1]) tail++;
    for (let k = 0; k < head; k++) same(aLo + k, bLo + k);
    middle(aLo + head, aHi - tail, bLo + head, bHi - tail);
    for (let k = tail; k > 0; k--) same(aHi - k, bHi - k);
  };

  const middle = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    const n = aHi - aLo;
    const m = bHi - bLo;
    if (n === 0 || m === 0) {
      for (let i = aLo; i < aHi; i++) removed(i);
      for (let j = bLo; j < bHi; j++) added(j);
      return;
    }
    if (n * m <= exactCells) return exact(aLo, aHi, bLo, bHi);
    const anchors = patienceAnchors(a, b, aLo, aHi, bLo, bHi);
    if (anchors.length === 0) return greedy(aLo, aHi, bLo, bHi);
    let i = aLo;
    let j = bLo;
    for (const [ai, bj] of anchors) {
      region(i, ai, j, bj);
      same(ai, bj);
      [i, j] = [ai + 1, bj + 1];
    }
    region(i, aHi, j, bHi);
  };

  // The longest common subsequence, from the table of its lengths.
  const exact = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    const n = aHi - aLo;
    const m = bHi - bLo;
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w); // lcs[i * w + j]: of a[aLo+i..] and b[bLo+j..]
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = a[aLo + i] === b[bLo + j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[aLo + i] === b[bLo + j]) same(aLo + i++, bLo + j++);
      else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) removed(aLo + i++);
      else added(bLo + j++);
    }
    while (i < n) removed(aLo + i++);
    while (j < m) added(bLo + j++);
  };

  // Myers' greedy search for the shortest edit script: after d edits, v[k] is
  // the furthest x reached on diagonal k = x - y. Each round's v (on -d..d) is
  // kept to trace the path back. Given up after maxEdits edits.
  const greedy = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    const n = aHi - aLo;
    const m = bHi - bLo;
    const limit = Math.min(n + m, maxEdits);
    const offset = limit + 1;
    const v = new Int32Array(2 * offset + 1);
    const rounds: Int32Array[] = [];
    for (let d = 0; d <= limit; d++) {
      rounds.push(v.slice(offset - d, offset + d + 1));
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
        let y = x - k;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) return traceBack(rounds, d, k, aLo, bLo, n, m);
      }
    }
    for (let i = aLo; i < aHi; i++) removed(i);
    for (let j = bLo; j < bHi; j++) added(j);
  };

  const traceBack = (rounds: readonly Int32Array[], edits: number, k: number, aLo: number, bLo: number, n: number, m: number): void => {
    const steps: DiffLine[] = []; // from the end backwards
    let x = n;
    let y = m;
    for (let d = edits; d > 0; d--) {
      const prev = rounds[d]!; // v after d - 1 edits, on diagonals -d..d
      const at = (kk: number) => prev[kk + d]!;
      const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
      const pk = down ? k + 1 : k - 1;
      const px = at(pk);
      const py = px - pk;
      const sx = down ? px : px + 1; // where the diagonal run after the edit starts
      while (x > sx) {
        x--;
        y--;
        steps.push({ sign: " ", text: after[bLo + y]!, at: bLo + y });
      }
      if (down) steps.push({ sign: "+", text: after[bLo + py]!, at: bLo + py });
      else steps.push({ sign: "-", text: before[aLo + px]!, at: aLo + px });
      [x, y, k] = [px, py, pk];
    }
    while (x > 0) {
      x--;
      y--;
      steps.push({ sign: " ", text: after[bLo + y]!, at: bLo + y });
    }
    for (let i = steps.length - 1; i >= 0; i--) out.push(steps[i]!);
  };

  region(0, a.length, 0, b.length);
  return out;
}

/** The lines that occur exactly once on each side, paired, longest in the same order (patience sorting). */
function patienceAnchors(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number): [number, number][] {
  const count = new Map<string, { a: number; b: number; ai: number; bj: number }>();
  for (let i = aLo; i < aHi; i++) {
    const c = count.get(a[i]!) ?? { a: 0, b: 0, ai: -1, bj: -1 };
    c.a++;
    c.ai = i;
    count.set(a[i]!, c);
  }
  for (let j = bLo; j < bHi; j++) {
    const c = count.get(b[j]!);
    if (!c) continue;
    c.b++;
    c.bj = j;
  }
  const pairs: [number, number][] = [];
  for (let j = bLo; j < bHi; j++) {
    const c = count.get(b[j]!);
    if (c && c.a === 1 && c.b === 1) pairs.push([c.ai, j]);
  }
  // The longest increasing run of a-indices among pairs in b order.
  const tops: number[] = []; // tops[k]: the pair index ending the best run of length k + 1
  const back = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([ai], p) => {
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tops[mid]!]![0] < ai) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[p] = tops[lo - 1]!;
    tops[lo] = p;
  });
  const run: [number, number][] = [];
  for (let p = tops.length > 0 ? tops[tops.length - 1]! : -1; p >= 0; p = back[p]!) run.push(pairs[p]!);
  return run.reverse();
}
