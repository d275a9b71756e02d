// The explorer's screen as rows of text: it renders a State and nothing else.
// Layout: a header line; the pass list beside the view (or two views, one per
// target), each under a title and the pass's purpose; the source line the
// cursor is linked to; a status line (or the line being typed). Every width is
// counted in display columns (text.ts). Each row is one string with its
// colours (paint): the Ink screen (screen.tsx) is one text of these rows, so
// Ink lays out a node or two instead of one per coloured word; and the first
// frame is written before Ink has loaded (cli/explore.ts).

import type { Target } from "../ir-defs/targets.js";
import { partners, wordMarks, type DiffLine, type Span } from "./diff.js";
import { highlight, type Segment } from "./highlight.js";
import {
  listed,
  listWidth,
  otherTarget,
  passName,
  pendingOf,
  stepOf,
  timesFrom,
  traceOf,
  viewHeight,
  viewWidth,
  type State,
} from "./state.js";
import { lineOf, linesOf, type Lines } from "./views.js";
import { helpLines } from "./help.js";
import { fit, fitPieces, type Piece } from "./text.js";
import { compiled, type Trace } from "./trace.js";
import { briefly, type Mark } from "./marks.js";

const minColumns = 40;
const minRows = 10;
const basename = (file: string) => file.split("/").pop()!;

interface Style {
  readonly color?: keyof typeof colours;
  readonly inverse?: boolean;
  readonly bold?: boolean;
  readonly dim?: boolean;
}

const colours = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 } as const;

/** Pieces as one string with the terminal's colour codes (SGR), each piece reset after it. */
function paint(pieces: readonly Piece<Style>[]): string {
  let out = "";
  for (const { text, style } of pieces) {
    const codes: number[] = [];
    if (style.bold) codes.push(1);
    if (style.dim) codes.push(2);
    if (style.inverse) codes.push(7);
    if (style.color) codes.push(colours[style.color]);
    out += codes.length === 0 ? text : `\x1b[${codes.join(";")}m${text}\x1b[0m`;
  }
  return out;
}

/** Text fitted to `width` columns, in one style. */
const painted = (text: string, width: number, style: Style = {}, from = 0) => paint(fitPieces([{ text, style }], width, from, style));

// ---------------------------------------------------------------- header

function header(s: State): string {
  const trace = traceOf(s);
  const fns = s.fn !== null ? `fn ${s.fn} (f: next)` : trace.functions.length === 1 ? `fn ${trace.functions[0]}` : trace.functions.length > 1 ? `${trace.functions.length} fns (f: one)` : "";
  const targets = s.both ? `${s.target} | ${otherTarget(s.target)}` : s.target;
  const base = basename(trace.file);
  // The longest that fits: the help key is never the part that is cut.
  const candidates = [
    [`qnano explore ${trace.file}`, fns, targets, `view: ${s.view}`, "? help, q quit"],
    [trace.file, fns, targets, s.view, "? help, q quit"],
    [base, fns, targets, s.view, "? help"],
    [base, targets, s.view, "? help"],
  ].map((parts) => ` ${parts.filter((p) => p !== "").join(" │ ")}`);
  const text = candidates.find((c) => c.length <= s.columns) ?? candidates[candidates.length - 1]!;
  return painted(text, s.columns, { inverse: true, bold: true });
}

// ---------------------------------------------------------------- the pass list

const markOf = (v: Mark | undefined, failed: boolean): { mark: string; color?: Style["color"] } => {
  if (failed) return { mark: "✗", color: "red" };
  if (v === undefined || v === "pending") return { mark: "·" };
  if (v === null) return { mark: " " };
  if (v === "no input") return { mark: "?", color: "yellow" };
  return v.agrees ? { mark: "✓", color: "green" } : { mark: "✗", color: "red" };
};

/** The pass list's rows, `width` columns each (its border not included). */
function passList(s: State, trace: Trace, width: number, height: number): string[] {
  const { pass } = s;
  const shown = trace.passes.map((_, i) => i).filter((i) => listed({ trace, pass, hideUnchanged: s.hideUnchanged }, i));
  const n = shown.length;
  const at = Math.max(0, shown.indexOf(pass));
  // When the list does not fit: a row "↑ N more" above it, "↓ N more" below, as needed.
  let first = 0;
  let rows = height;
  if (n > height) {
    rows = height - 1;
    if (at >= rows) {
      first = n - rows; // the end, without "↓"
      if (at < first) {
        rows = height - 2;
        first = at - Math.floor(rows / 2);
      }
    }
  }
  const names = s.list === "names";
  const times = names && s.columns >= timesFrom;
  const nameWidth = width - 4 - (times ? 6 : 0);
  const more = (count: number, arrow: string) => painted(` ${arrow} ${count} more`, width, { dim: true });
  const lines: string[] = [];
  if (first > 0) lines.push(more(first, "↑"));
  for (const i of shown.slice(first, first + rows)) {
    const selected = i === pass;
    const step = trace.steps[i];
    const failed = trace.failure !== null && trace.failure.at === i;
    const base: Style = selected ? { inverse: true, bold: true } : !step && !failed ? { dim: true } : {};
    // After a failure the passes below it never run: no mark.
    const { mark, color } = trace.failure !== null && i > trace.failure.at ? { mark: " " } : markOf(step?.verdict, failed);
    const label = names ? fit(trace.passes[i]!.name, nameWidth) : String(i + 1).padStart(width - 4);
    const ms = step ? (step.ms < 100 ? step.ms.toFixed(1) : String(Math.round(step.ms))) : "";
    lines.push(
      paint([
        { text: selected ? "▸" : " ", style: base },
        { text: mark, style: { ...base, color } },
        { text: step?.changed ? "•" : " ", style: { ...base, color: "yellow" } },
        { text: ` ${label}`, style: base },
        ...(times ? [{ text: ` ${ms.padStart(5)}`, style: { ...base, dim: !selected } }] : []),
      ]),
    );
  }
  if (first + rows < n) lines.push(more(n - first - rows, "↓"));
  while (lines.length < height) lines.push(" ".repeat(width));
  return lines;
}

// ---------------------------------------------------------------- a view

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
interface Pane {
  readonly target: Target;
  readonly trace: Trace;
  readonly pass: number;
  readonly view: Lines;
  readonly cursor: number | null;
  readonly scroll: number;
}

/** The left (or only) pane: the state's cursor; the right pane (both targets): aligned on the link, at the same row. */
function paneOf(s: State, target: Target): Pane {
  const trace = traceOf(s, target);
  const width = viewWidth(s);
  const height = viewHeight(s);
  const clamp = (top: number, length: number) => Math.max(0, Math.min(top, length - height));
  if (target === s.target) {
    const view = linesOf(trace, s.pass, s.view, s.fn, width);
    return { target, trace, pass: s.pass, view, cursor: s.cursor < view.lines.length ? s.cursor : null, scroll: clamp(s.scroll, view.lines.length) };
  }
  const name = passName(s);
  const byName = trace.passes.findIndex((p) => p.name === name);
  const pass = byName >= 0 ? byName : Math.min(s.pass, trace.passes.length - 1);
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
  const purpose = `${info.name}: ${info.purpose}`;
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
function viewPane(s: State, pane: Pane): string[] {
  const width = viewWidth(s);
  const height = viewHeight(s);
  const { view } = pane;
  const lines = view.lines.slice(pane.scroll, pane.scroll + height);
  const linkedTo = s.link;
  // The source text beside the assembly, where its source line changes, when there is room.
  const side = s.view === "asm" && !s.both && width >= 100 ? Math.floor(width * 0.4) : 0;
  const main = width - 1 - (side > 0 ? side + 1 : 0);
  const [head, purpose] = title(s, pane);
  const rows = [painted(head, width, { bold: true, color: "cyan" }), painted(purpose, width, { dim: true })];
  lines.forEach((text, k) => {
    const i = pane.scroll + k;
    const here = lineOf(view, i);
    const cursor = pane.cursor === i;
    const linked = !cursor && linkedTo !== null && here === linkedTo;
    let pieces = fitPieces(linePieces(s, text, view.changes ? marksOf(view.changes, i) : []), main, s.hscroll, {} as Style);
    if (cursor) pieces = pieces.map((p) => ({ text: p.text, style: { ...p.style, inverse: !p.style.inverse } }));
    let row = paint([{ text: cursor ? "▸" : linked ? "┃" : " ", style: { color: linked ? "yellow" : cursor ? "cyan" : undefined } }, ...pieces]);
    if (side > 0) {
      const changes = here !== null && (i === 0 || lineOf(view, i - 1) !== here);
      const source = changes ? pane.trace.sourceLines[here - 1] : undefined;
      row += paint([{ text: "│", style: { dim: true } }]) + painted(source !== undefined ? `${String(here).padStart(4)} ${source.trim()}` : "", side, { dim: true });
    }
    rows.push(row);
  });
  while (rows.length < height + 2) rows.push(" ".repeat(width));
  return rows;
}

function help(s: State, height: number): string[] {
  const lines = helpLines();
  const top = s.help ?? 0;
  const shown = lines.slice(top, top + height - 1);
  const more = top + height - 1 < lines.length;
  const rows = [painted(` keys and marks${more || top > 0 ? ` (${top + 1}-${top + shown.length} of ${lines.length}; j k scroll)` : ""}; any other key closes this help`, s.columns, { bold: true, color: "cyan" })];
  for (const line of shown) rows.push(painted(line, s.columns));
  while (rows.length < height) rows.push(" ".repeat(s.columns));
  return rows;
}

// ---------------------------------------------------------------- the last two lines

function sourceLine(s: State): string {
  if (s.help !== null) return "";
  const pane = paneOf(s, s.target);
  const total = pane.view.lines.length;
  const where = total > 0 && pane.cursor !== null ? ` ${pane.cursor + 1}/${total}` : "";
  if (!pane.view.locs) return where ? `${" ".repeat(Math.max(0, s.columns - where.length - 1))}${where}` : "";
  const line = s.link;
  const text = line !== null ? (pane.trace.sourceLines[line - 1] ?? "").trim() : null;
  const left = text !== null ? ` source line ${line}: ${text}` : " source: - (this line comes from no source line)";
  return `${fit(left, Math.max(0, s.columns - where.length))}${where}`;
}

function statusLine(s: State): { text: string; color?: Style["color"] } {
  if (s.input) return { text: `${s.input.purpose === "search" ? "/" : ": pass "}${s.input.text}▏`, color: "yellow" };
  if (s.message) return { text: ` ${s.message}`, color: "yellow" };
  const trace = traceOf(s);
  const step = stepOf(s);
  const info = trace.passes[s.pass]!;
  if (trace.failure) {
    const first = trace.failure.message.split("\n")[0]!;
    return { text: ` ✗ ${trace.passes[trace.failure.at]!.name} failed: ${first}${s.pass !== trace.failure.at ? ` (:${trace.failure.at + 1} shows it)` : ""}`, color: "red" };
  }
  if (!compiled(trace)) return { text: ` running the passes: ${trace.steps.length} of ${trace.passes.length} done` };
  if (trace.meaningError) return { text: ` ${trace.meaningError}`, color: "red" };
  const pending = pendingOf(trace);
  const all =
    trace.firstBad !== null
      ? `first disagreement: ${trace.steps[trace.firstBad]!.name}`
      : pending > 0
        ? `running the interpreters: ${pending} to go`
        : "every pass agrees with the source";
  const v = step?.verdict;
  if (v === "no input" || trace.steps[0]?.verdict === "no input") {
    return { text: ` ? reads input and has none: give it ${basename(trace.file).replace(/\.qs$/, "")}.in (beside it) or --stdin FILE`, color: "yellow" };
  }
  if (v === null) return { text: ` ${info.name} writes text: no interpreter runs it · ${all}` };
  if (v === "pending" || v === undefined) return { text: ` ${info.to}: its interpreter is running · ${all}` };
  if (v.agrees) return { text: ` ✓ ${info.to}: ${briefly(v)} · ${all}`, color: trace.firstBad === null ? undefined : "red" };
  return { text: ` ✗ ${info.to}: ${v.differs} (o: the output) · ${all}`, color: "red" };
}

/** The screen for a state, as rows of exactly `columns` columns (`rows` of them). */
export function screenRows(s: State): string[] {
  if (s.columns < minColumns || s.rows < minRows) return [fit(`qnano explore needs ${minColumns}x${minRows}; this terminal is ${s.columns}x${s.rows} (q quits)`, s.columns)];
  const bodyHeight = viewHeight(s) + 2;
  const status = statusLine(s);
  let body: string[];
  if (s.help !== null) body = help(s, bodyHeight);
  else {
    const columns: string[][] = [];
    const bar = paint([{ text: "│", style: { dim: true } }]);
    const list = listWidth(s);
    if (list > 0) columns.push(passList(s, traceOf(s), list - 1, bodyHeight));
    columns.push(viewPane(s, paneOf(s, s.target)));
    if (s.both) columns.push(viewPane(s, paneOf(s, otherTarget(s.target))));
    body = columns[0]!.map((_, r) => columns.map((c) => c[r]!).join(bar));
  }
  return [header(s), ...body, painted(sourceLine(s), s.columns, { color: "gray" }), painted(status.text, s.columns, { color: status.color })];
}
