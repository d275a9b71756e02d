// A view pane of the explorer's screen: its title (what it shows, "(no
// change)" for a pass that changed nothing), the pass's purpose, and the
// visible lines of the view, each with its gutter (▸ the cursor, ┃ a line
// from the linked source line), its colours, and in the diff the words that
// changed. With both targets the right pane follows the left one's link.

import type { Target } from "../ir-defs/targets.js";
import type { DiffLine } from "./diff.js";
import { partners, wordMarks, type Span } from "./diff-words.js";
import { highlight, type Segment } from "./highlight.js";
import { samePass, traceOf, viewHeight, viewWidth, type State } from "./state.js";
import { lineOf, linesOf, purposeOf, type Lines } from "./views.js";
import { fitPieces, type Piece } from "./text.js";
import type { Trace } from "./trace.js";
import { sourceLineOf } from "./sources.js";
import { paint, painted, type Style } from "./paint.js";

const segmentStyle = (seg: Segment): Style => (seg.color ? { color: seg.color } : {});

/** The pieces of a line of `view` (its text only; the gutter is drawn apart). */
function linePieces(s: State, text: string, marks: readonly Span[]): Piece<Style>[] {
  switch (s.view) {
    case "program":
    case "asm":
      return highlight(text).map((seg) => ({ text: seg.text, style: segmentStyle(seg) }));
    case "diff": {
      const color = text[0] === "+" ? "green" : text[0] === "-" ? "red" : undefined;
      if (marks.length === 0) return [{ text, style: { color } }];
      // The words that changed, in inverse: offsets in the line's text, which starts after "± ".
      const pieces: Piece<Style>[] = [];
      let at = 0;
      for (const [from, to] of marks) {
        if (from + 2 > at) pieces.push({ text: text.slice(at, from + 2), style: { color } });
        pieces.push({ text: text.slice(from + 2, to + 2), style: { color, inverse: true } });
        at = to + 2;
      }
      if (at < text.length) pieces.push({ text: text.slice(at), style: { color } });
      return pieces;
    }
    case "grammar":
      return [{ text, style: { color: text[0] === "+" ? "green" : text[0] === "~" ? "yellow" : undefined } }];
    case "output":
      return [{ text, style: { color: text.endsWith("✗") || text.startsWith("  ✗") ? "red" : text.startsWith("  ✓") ? "green" : undefined } }];
  }
}

const partnerCache = new WeakMap<readonly DiffLine[], Int32Array>();

/** The changed words of diff line i (with its partner line, the one it replaced or that replaced it). */
function marksOf(diff: readonly DiffLine[] | undefined, i: number): readonly Span[] {
  if (!diff) return [];
  let partner = partnerCache.get(diff);
  if (!partner) partnerCache.set(diff, (partner = partners(diff)));
  const p = partner[i]!;
  if (p < 0) return [];
  const line = diff[i]!;
  const other = diff[p]!;
  return line.sign === "-" ? wordMarks(line.text, other.text).removed : wordMarks(other.text, line.text).added;
}

/** What a view pane shows: its lines, and where its cursor and first line are. */
export interface Pane {
  readonly target: Target;
  readonly trace: Trace;
  readonly pass: number;
  readonly view: Lines;
  readonly cursor: number | null;
  readonly scroll: number;
}

/** The left (or only) pane: the state's cursor; the right pane (both targets): aligned on the link, at the same row. */
export function paneOf(s: State, target: Target): Pane {
  const trace = traceOf(s, target);
  const width = viewWidth(s);
  const height = viewHeight(s);
  const clamp = (top: number, length: number) => Math.max(0, Math.min(top, length - height));
  if (target === s.target) {
    const view = linesOf(trace, s.pass, s.view, s.fn, width);
    return { target, trace, pass: s.pass, view, cursor: s.cursor < view.lines.length ? s.cursor : null, scroll: clamp(s.scroll, view.lines.length) };
  }
  const pass = samePass(traceOf(s), s.pass, trace);
  const view = linesOf(trace, pass, s.view, s.fn, width);
  let at = -1;
  if (s.link !== null && view.locs) at = view.locs.findIndex((l) => l?.line === s.link);
  if (at < 0) return { target, trace, pass, view, cursor: null, scroll: clamp(s.scroll, view.lines.length) };
  return { target, trace, pass, view, cursor: at, scroll: clamp(at - (s.cursor - s.scroll), view.lines.length) };
}

function title(s: State, pane: Pane): [string, string] {
  const { trace, pass } = pane;
  const info = trace.passes[pass]!;
  const step = trace.steps[pass];
  const which = s.both ? `${pane.target}: ` : "";
  const noChange = step && !step.changed ? " (no change)" : "";
  const purpose = purposeOf(trace, pass);
  switch (s.view) {
    case "program":
      return [`${which}after ${info.name}: ${info.from} -> ${info.to}${noChange}`, purpose];
    case "diff":
      return [`${which}diff ${pass === 0 ? "source" : trace.passes[pass - 1]!.name} -> ${info.name}${noChange}`, purpose];
    case "grammar":
      return [`${which}grammar of ${info.to} (+ added, ~ changed)`, purpose];
    case "asm":
      return [`${which}final assembly (${pane.target})`, purpose];
    case "output":
      return [`${which}output after ${info.name}`, purpose];
  }
}

/** A view pane's rows (its title, its purpose, its lines), `viewWidth` columns each. */
export function viewPane(s: State, pane: Pane): string[] {
  const width = viewWidth(s);
  const height = viewHeight(s);
  const { view } = pane;
  const lines = view.lines.slice(pane.scroll, pane.scroll + height);
  const linkedTo = s.link;
  // The source text beside the assembly, where its source line changes, when there is room.
  const side = s.view === "asm" && !s.both && width >= 100 ? Math.floor(width * 0.4) : 0;
  const main = width - 1 - (side > 0 ? side + 1 : 0);
  const [head, purpose] = title(s, pane);
  const rows = [painted(head, width, { bold: true, color: "cyan" }), painted(purpose, width, { dim: true }, s.hscroll)];
  lines.forEach((text, k) => {
    const i = pane.scroll + k;
    const here = lineOf(view, i);
    const cursor = pane.cursor === i;
    const linked = !cursor && linkedTo !== null && here === linkedTo;
    let pieces = fitPieces(linePieces(s, text, view.changes ? marksOf(view.changes, i) : []), main, s.hscroll, {} as Style);
    // The cursor's line in inverse; its changed words (inverse elsewhere) stay so, underlined.
    if (cursor) pieces = pieces.map((p) => ({ text: p.text, style: p.style.inverse ? { ...p.style, underline: true, bold: true } : { ...p.style, inverse: true } }));
    let row = paint([{ text: cursor ? "▸" : linked ? "┃" : " ", style: { color: linked ? "yellow" : cursor ? "cyan" : undefined } }, ...pieces]);
    if (side > 0) {
      const changes = here !== null && (i === 0 || lineOf(view, i - 1) !== here);
      const source = changes ? sourceLineOf(pane.trace.files, here) : null;
      row += paint([{ text: "│", style: { dim: true } }]) + painted(source !== null ? `${String(source.line).padStart(4)} ${source.text.trim()}` : "", side, { dim: true });
    }
    rows.push(row);
  });
  while (rows.length < height + 2) rows.push(" ".repeat(width));
  return rows;
}
