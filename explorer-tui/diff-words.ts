// What a pass changed, line by line, as a reader takes it: each removed line
// beside the added line that replaced it (interleave, partners), and inside
// such a pair the words that changed (wordMarks), found by the line diff
// (diff.ts) run on words.

import { diffLines, type DiffLine } from "./diff.js";

/** A half-open range of characters [from, to) inside a line's text. */
export type Span = readonly [number, number];

/** A line split into words: names and numbers, runs of spaces, and single other characters. */
const wordPattern = /[A-Za-z0-9_.$%]+|\s+|[^A-Za-z0-9_.$%\s]/g;

/**
 * Marks the words that differ between a removed line and the added line that
 * replaces it: for each side, the character ranges outside their longest
 * common subsequence of words (spaces never count as a change).
 */
export function wordMarks(removed: string, added: string): { removed: Span[]; added: Span[] } {
  const split = (s: string) => [...s.matchAll(wordPattern)].map((m) => ({ text: m[0], at: m.index! }));
  const x = split(removed);
  const y = split(added);
  const lines = diffLines(
    x.map((w) => w.text),
    y.map((w) => w.text),
  );
  const marks = { removed: [] as Span[], added: [] as Span[] };
  for (const d of lines) {
    if (d.sign === " " || /^\s+$/.test(d.text)) continue;
    const word = (d.sign === "-" ? x : y)[d.at]!;
    const spans = d.sign === "-" ? marks.removed : marks.added;
    const lastSpan = spans[spans.length - 1];
    if (lastSpan && lastSpan[1] === word.at) spans[spans.length - 1] = [lastSpan[0], word.at + word.text.length];
    else spans.push([word.at, word.at + word.text.length]);
  }
  return marks;
}

/**
 * The diff as a reader takes it: in each run of removed lines followed by a
 * run of added ones, the first removed line, then the first added (the line
 * that replaced it), then the second of each, and so on; what is left of the
 * longer run after them. Each side still reads in its own order.
 */
export function interleave(diff: readonly DiffLine[]): DiffLine[] {
  const out: DiffLine[] = [];
  for (let i = 0; i < diff.length; ) {
    if (diff[i]!.sign !== "-") {
      out.push(diff[i++]!);
      continue;
    }
    let r = i;
    while (r < diff.length && diff[r]!.sign === "-") r++;
    let e = r;
    while (e < diff.length && diff[e]!.sign === "+") e++;
    const pairs = Math.min(r - i, e - r);
    for (let k = 0; k < pairs; k++) out.push(diff[i + k]!, diff[r + k]!);
    for (let k = pairs; k < r - i; k++) out.push(diff[i + k]!);
    for (let k = pairs; k < e - r; k++) out.push(diff[r + k]!);
    i = e;
  }
  return out;
}

/**
 * Pairs each removed line with the added line right after it (see interleave):
 * the lines a pass rewrote, whose words wordMarks compares. Returns, for each
 * diff line, the index of its partner line in the diff, or -1.
 */
export function partners(diff: readonly DiffLine[]): Int32Array {
  const partner = new Int32Array(diff.length).fill(-1);
  for (let i = 0; i + 1 < diff.length; i++) {
    if (diff[i]!.sign === "-" && diff[i + 1]!.sign === "+") {
      partner[i] = i + 1;
      partner[i + 1] = i;
      i++;
    }
  }
  return partner;
}
