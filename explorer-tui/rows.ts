// The explorer's screen as rows of text: it renders a State and nothing else.
// Layout: a header line; the pass list (pass-list.ts) beside the view (or two
// views, one per target: view-pane.ts), each under a title and the pass's
// purpose; the source line the cursor is linked to; a status line (or the line
// being typed). The help (?) and the list of functions (F) take the place of
// the list and the views. Every width is counted in display columns (text.ts).
// Each row is one string with its colours (paint.ts); the first frame is
// written before Ink has loaded (cli/explore.ts).

import { listWidth, otherTarget, pendingOf, stepOf, traceOf, viewHeight, type State } from "./state.js";
import { helpLines } from "./help.js";
import { fit } from "./text.js";
import { compiled } from "./trace.js";
import { briefly } from "./marks.js";
import { sourceLineOf } from "./sources.js";
import { lineOf } from "./views.js";
import { paint, painted, type Style } from "./paint.js";
import { passList } from "./pass-list.js";
import { paneOf, viewPane } from "./view-pane.js";
import { functionRows } from "./function-list.js";

const minColumns = 40;
const minRows = 10;
const basename = (file: string) => file.split("/").pop()!;

// ---------------------------------------------------------------- header

function header(s: State): string {
  const trace = traceOf(s);
  const fns = s.fn !== null ? `fn ${s.fn} (f: next)` : trace.functions.length === 1 ? `fn ${trace.functions[0]}` : trace.functions.length > 1 ? `${trace.functions.length} fns (F: list)` : "";
  // One function of a module, shorter: its own name, its module after it.
  const slash = s.fn?.indexOf("/") ?? -1;
  const short = s.fn !== null && slash > 0 ? `fn ${s.fn.slice(slash + 1)} · ${s.fn.slice(0, slash)}` : fns;
  const targets = s.both ? `${s.target} | ${otherTarget(s.target)}` : s.target;
  const base = basename(trace.file);
  // The longest that fits: the help key is never the part that is cut.
  const candidates = [
    [`qnano explore ${trace.file}`, fns, targets, `view: ${s.view}`, "? help, q quit"],
    [trace.file, fns, targets, s.view, "? help, q quit"],
    [base, fns, targets, s.view, "? help"],
    [base, short, targets, s.view, "? help"],
    [base, short, s.view, "? help"],
    [base, targets, s.view, "? help"],
  ].map((parts) => ` ${parts.filter((p) => p !== "").join(" │ ")}`);
  const text = candidates.find((c) => c.length <= s.columns) ?? candidates[candidates.length - 1]!;
  return painted(text, s.columns, { inverse: true, bold: true });
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

/** The list of functions by module, its selected entry in inverse, scrolled to keep it in sight. */
function functionList(s: State, height: number): string[] {
  const list = functionRows(traceOf(s));
  const at = Math.max(0, list.findIndex((r) => r.entry === s.functionList));
  const page = height - 1;
  const top = Math.max(0, Math.min(at - Math.floor(page / 2), list.length - page));
  const shown = list.slice(top, top + page);
  const rows = [painted(` functions by module (${traceOf(s).functions.length}): j k move, Enter shows one alone, other keys close`, s.columns, { bold: true, color: "cyan" })];
  for (const r of shown) {
    const selected = r.entry !== null && r.entry === s.functionList;
    const style: Style = selected ? { inverse: true, bold: true } : r.entry === null ? { color: "yellow" } : {};
    rows.push(painted(`${selected ? "▸" : " "}${r.entry === null ? "" : "  "}${r.text}`, s.columns, style));
  }
  while (rows.length < height) rows.push(" ".repeat(s.columns));
  return rows;
}

// ---------------------------------------------------------------- the last two lines

function sourceLine(s: State): string {
  if (s.help !== null || s.functionList !== null) return "";
  const pane = paneOf(s, s.target);
  const total = pane.view.lines.length;
  const where = total > 0 && pane.cursor !== null ? ` ${pane.cursor + 1}/${total}` : "";
  if (!pane.view.locs) return where ? `${" ".repeat(Math.max(0, s.columns - where.length - 1))}${where}` : "";
  // The cursor's own source line; on a line from none (a label), the linked one. When the pass
  // left nothing of the linked line, the cursor is on the nearest line, and this says so.
  const here = pane.cursor !== null ? lineOf(pane.view, pane.cursor) : null;
  const at = here ?? s.link;
  const source = at !== null ? sourceLineOf(pane.trace.files, at) : null;
  const lost = here !== null && s.link !== null && here !== s.link ? sourceLineOf(pane.trace.files, s.link) : null;
  // A line of another file than the program's own: named by its module.
  const named = source === null ? "" : source.file.offset === 0 ? "source line" : `${source.file.module} line`;
  const note = lost === null ? "" : ` (line ${lost.line}, the linked one, has none here)`;
  const left = source !== null ? ` ${named} ${source.line}${note}: ${source.text.trim()}` : " source: - (this line comes from no source line)";
  return `${fit(left, Math.max(0, s.columns - where.length))}${where}`;
}

function statusLine(s: State): { text: string; color?: Style["color"] } {
  if (s.input) return { text: `${s.input.purpose === "search" ? "/" : ": pass "}${s.input.text}▏`, color: "yellow" };
  if (s.message) return { text: ` ${s.message}`, color: "yellow" };
  const trace = traceOf(s);
  const step = stepOf(s);
  const info = trace.passes[s.pass]!;
  if (trace.failure) {
    // Its first line, shortest first (80 columns): where to see it whole, then `2:18: expected Int, ...` (the file is the header's).
    const first = trace.failure.message.split("\n")[0]!.replace(/^\S+?:(\d+:\d+): (error: )?/, "$1: ");
    return { text: ` ✗ ${trace.passes[trace.failure.at]!.name} failed${s.pass !== trace.failure.at ? ` (:${trace.failure.at + 1} shows it)` : ""}: ${first}`, color: "red" };
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
  if (v.gaveUp) return { text: ` ? ${info.to}: no verdict: ${v.gaveUp} (o: the output) · ${all}`, color: "yellow" };
  return { text: ` ✗ ${info.to}: ${v.differs} (o: the output) · ${all}`, color: "red" };
}

/** The screen for a state, as rows of exactly `columns` columns (`rows` of them). */
export function screenRows(s: State): string[] {
  if (s.columns < minColumns || s.rows < minRows) return [fit(`qnano explore needs ${minColumns}x${minRows}; this terminal is ${s.columns}x${s.rows} (q quits)`, s.columns)];
  const bodyHeight = viewHeight(s) + 2;
  const status = statusLine(s);
  let body: string[];
  if (s.help !== null) body = help(s, bodyHeight);
  else if (s.functionList !== null) body = functionList(s, bodyHeight);
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
