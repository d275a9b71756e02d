// Text cut to terminal columns: what the explorer draws is measured in display
// columns (a CJK character takes two, a combining accent none), never in
// string length, so that wide characters do not push the layout out of line.

import { clusters, clusterWidth, displayWidth } from "../front-end/display.js";

const tabs = (text: string) => (text.includes("\t") ? text.replace(/\t/g, "        ") : text);

/** How many columns the text takes (tabs as 8). */
export const widthOf = (text: string): number => displayWidth(tabs(text));

/** A piece of a line drawn one way (a colour, a mark); S says how. */
export interface Piece<S> {
  readonly text: string;
  readonly style: S;
}

/**
 * The pieces of a line as exactly `width` columns, from column `from` of the
 * line on (a horizontal scroll): padded with spaces (in the last piece's
 * style), or cut with `…` where the line goes on past the right edge, and
 * starting with `…` when columns were scrolled off on the left. A wide
 * character that would straddle an edge becomes spaces.
 */
export function fitPieces<S>(pieces: readonly Piece<S>[], width: number, from = 0, fill?: S): Piece<S>[] {
  if (width <= 0) return [];
  const out: Piece<S>[] = [];
  let used = 0; // columns of the output
  let column = 0; // columns of the line
  const skip = from > 0 ? from + 1 : 0; // the `…` covers one more column
  const last = fill ?? pieces[pieces.length - 1]?.style;
  const push = (text: string, style: S) => {
    const prev = out[out.length - 1];
    if (prev && prev.style === style) out[out.length - 1] = { text: prev.text + text, style };
    else out.push({ text, style });
  };
  if (from > 0) {
    push("…", pieces[0]?.style ?? (last as S));
    used = 1;
  }
  const all = pieces.flatMap((p) => clusters(tabs(p.text)).map((c) => ({ c, w: clusterWidth(c), style: p.style })));
  // Where the line's visible characters end, to know whether a `…` is needed.
  let end = all.length;
  while (end > 0 && all[end - 1]!.w === 0) end--;
  for (let k = 0; k < all.length; k++) {
    const { c, w, style } = all[k]!;
    if (column < skip) {
      if (column + w > skip) {
        push(" ".repeat(column + w - skip), style);
        used += column + w - skip;
      }
      column += w;
      continue;
    }
    const room = width - used;
    if (w > room || (w === room && w > 0 && k + 1 < end)) {
      push(" ".repeat(Math.max(0, room - 1)) + (room > 0 ? "…" : ""), style);
      used = width;
      break;
    }
    push(c, style);
    used += w;
    column += w;
  }
  if (used < width) push(" ".repeat(width - used), last as S);
  return out;
}

/** The text as exactly `width` columns from column `from` on (see fitPieces). */
export function fit(text: string, width: number, from = 0): string {
  if (width <= 0) return "";
  if (from === 0 && /^[\x20-\x7e]*$/.test(text)) return text.length > width ? text.slice(0, width - 1) + "…" : text.padEnd(width);
  return fitPieces([{ text, style: null }], width, from)
    .map((p) => p.text)
    .join("");
}

/** Prose in lines of at most `width` columns, broken at spaces (a word wider than that has a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && widthOf(line) + 1 + widthOf(word) > width) [lines.push(line), (line = word)];
    else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}
