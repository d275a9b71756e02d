// Diagnostics: what the compiler says about a bad program, and how it is shown.
//
// Every error the front end finds becomes a Diagnostic (file, position, message,
// optional notes pointing elsewhere). They are collected, never thrown one by
// one: the parser and check-types throw a single CompileError carrying all of
// them, sorted by position. A warning (the program is fine, but has an arm that
// can never match) is a Diagnostic too, shown as `warning:`; check-types hands
// warnings to the pass context. formatDiagnostic shows one like this:
//
//     app.qs:3:5: error: cannot assign to `x`: it is not declared `mut`
//      3 |     x = 5
//        |     ^
//     app.qs:2:9: note: `x` is declared here
//      2 |     let x = 1
//        |         ^

import kleur from "kleur";
import type { Loc } from "../il/node.js";
import { displayWidth, escapeControls } from "./display.js";

/** A secondary position that helps explain an error ("declared here"). */
export interface Note {
  readonly loc: Loc;
  readonly message: string;
  /** Its file, when it is not the diagnostic's (an import's note in another module). */
  readonly file?: string;
}

export interface Diagnostic {
  readonly file: string;
  /** 1-based line and column, and the span's length, in UTF-16 code units
   * (where the carets go on screen is the display's business). */
  readonly loc: Loc;
  readonly message: string;
  readonly notes?: readonly Note[];
}

/** The text of each file of a program that is not its own file (its modules'), by file name:
 * what a diagnostic in one of them is shown with. */
export type SourceSet = ReadonlyMap<string, string>;

/** Thrown by parse and check-types: every diagnostic found, in source order; `sources`, the
 * text of the program's other files (its modules) that a diagnostic may point into. */
export class CompileError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: SourceSet;
  constructor(diagnostics: readonly Diagnostic[], sources: SourceSet = new Map()) {
    const sorted = sortDiagnostics(diagnostics);
    const first = sorted[0];
    super(first ? `${first.file}:${first.loc.line}:${first.loc.col}: ${first.message}${sorted.length > 1 ? ` (and ${sorted.length - 1} more)` : ""}` : "no diagnostics");
    this.name = "CompileError";
    this.diagnostics = sorted;
    this.sources = sources;
  }
}

/** Where a node without a recorded position is reported: the file's start. */
export const startOfFile: Loc = { line: 1, col: 1, length: 1 };

/** Sorted by file (in the order the files first come), then line, then column (stable). A
 * message said again on the same line is kept once: one problem, one report (`0x 0x 0x` is
 * not three errors). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const files = [...new Set(list.map((d) => d.file))];
  const sorted = [...list].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  let [line, file] = [0, ""];
  const said = new Set<string>(); // the messages of this line so far
  return sorted.filter((d) => {
    if (d.loc.line !== line || d.file !== file) {
      [line, file] = [d.loc.line, d.file];
      said.clear();
    }
    if (said.has(d.message)) return false;
    said.add(d.message);
    return true;
  });
}

/** Collects diagnostics for one file; `report` returns nothing so it can end a clause. */
export interface DiagnosticSink {
  readonly diagnostics: Diagnostic[];
  report(loc: Loc | undefined, message: string, notes?: readonly Note[]): void;
}

/** After resolve-modules an item of a module is named by the module's path and its own name,
 * `modules.lib/Box2`; a message shows it as a program would write it in full, `modules.lib.Box2`. */
export const sourceNames = (message: string): string => message.replace(/\b([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\/([A-Za-z_]\w*)/g, "$1.$2");

/** A list of diagnostics to report to; `shown` is how a message is written (after resolve-modules: sourceNames). */
export function diagnosticSink(file: string, shown: (message: string) => string = (m) => m): DiagnosticSink {
  const diagnostics: Diagnostic[] = [];
  return {
    diagnostics,
    report(loc, text, notes) {
      const message = shown(text);
      const at = loc?.file ?? file; // a place in one of the program's modules names its file
      notes = notes?.map((n) => ({ ...n, message: shown(n.message), ...((n.loc.file ?? file) === at ? {} : { file: n.loc.file ?? file }) }));
      diagnostics.push(notes && notes.length > 0 ? { file: at, loc: loc ?? startOfFile, message, notes } : { file: at, loc: loc ?? startOfFile, message });
    },
  };
}

// ---------------------------------------------------------------- formatting

/** The text of each line, without its line break (`\r\n` and `\n` both end a line). */
function sourceLines(source: string): string[] {
  return source.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

/** What a diagnostic is: an error stops the compilation, a warning does not. */
export type Severity = "error" | "warning";

interface Paint {
  severity(kind: Severity | "note"): string;
  carets(text: string): string;
  message(text: string): string;
}

const plain: Paint = { severity: (k) => `${k}:`, carets: (t) => t, message: (t) => t };
const coloured: Paint = {
  severity: (k) => (k === "error" ? kleur.red().bold("error:") : k === "warning" ? kleur.yellow().bold("warning:") : kleur.cyan().bold("note:")),
  carets: (t) => kleur.red(t),
  message: (t) => kleur.bold(t),
};

/** Lines longer than this are shown as a window around the caret. */
const maxShown = 100;

/** At most this many errors are shown, as rustc and gcc stop too; the rest are counted. */
export const maxErrorsShown = 20;

/** A message longer than this (it may quote a huge name) is shown cut in the middle. */
const maxMessage = 400;

function cutMessage(text: string): string {
  return text.length <= maxMessage ? text : `${text.slice(0, maxMessage - 100)} ... ${text.slice(-80)}`;
}

/** The source line and a row of carets under the span. The line is shown with
 * its control characters escaped, and the carets are placed by the display
 * width of what is shown (front-end/display.ts): a CJK character or an emoji
 * takes two columns, a combining accent none. Tabs in the source are kept, in
 * the padding too, so the carets line up whatever the tab width (a tab inside
 * the span gets one caret). */
function snippet(lines: readonly string[], loc: Loc, width: number, paint: Paint): string {
  const full = lines[loc.line - 1] ?? "";
  const start = Math.max(0, Math.min(loc.col - 1, full.length));
  const end = Math.min(full.length, start + Math.max(1, loc.length));
  // A long line: a window of about maxShown characters around the caret, never cutting a character in two.
  const lowSurrogate = (k: number) => k > 0 && k < full.length && (full.charCodeAt(k) & 0xfc00) === 0xdc00;
  let from = full.length > maxShown ? Math.max(0, Math.min(start - 40, full.length - maxShown)) : 0;
  let to = full.length > maxShown ? from + maxShown : full.length;
  if (lowSurrogate(from)) from++;
  if (lowSurrogate(to)) to++;
  const shown = (a: number, b: number) => escapeControls(full.slice(a, Math.min(b, to)), true);
  const before = (from > 0 ? "..." : "") + shown(from, start);
  const span = shown(start, end);
  const text = before + span + shown(end, to) + (to < full.length ? "..." : "");
  const pad = before.split("\t").map((part) => " ".repeat(displayWidth(part))).join("\t");
  const gutter = " ".repeat(width);
  return [`${` ${String(loc.line).padStart(width)} | ${text}`.trimEnd()}`, ` ${gutter} | ${pad}${paint.carets("^".repeat(Math.max(1, displayWidth(span) + span.split("\t").length - 1)))}`].join("\n");
}

/** The lines of a file: the program's own (`source`), or one of its modules' (`sources`). */
type LinesOf = (file: string) => readonly string[];

function linesOf(mainFile: (file: string) => boolean, source: string, sources: SourceSet): LinesOf {
  const cache = new Map<string, readonly string[]>();
  return (file) => {
    const text = sources.get(file) ?? (mainFile(file) ? source : "");
    let lines = cache.get(file);
    if (!lines) cache.set(file, (lines = sourceLines(text)));
    return lines;
  };
}

function render(d: Diagnostic, lines: LinesOf, paint: Paint, severity: Severity): string {
  const notes = d.notes ?? [];
  const width = Math.max(String(d.loc.line).length, ...notes.map((n) => String(n.loc.line).length));
  const head = (file: string, loc: Loc, kind: Severity | "note", message: string) => `${escapeControls(file)}:${loc.line}:${loc.col}: ${paint.severity(kind)} ${paint.message(escapeControls(cutMessage(message)))}`;
  const parts = [head(d.file, d.loc, severity, d.message), snippet(lines(d.file), d.loc, width, paint)];
  for (const n of notes) parts.push(head(n.file ?? d.file, n.loc, "note", n.message), snippet(lines(n.file ?? d.file), n.loc, width, paint));
  return parts.join("\n");
}

/** Runs `f` with kleur's colours forced on or off, whatever the terminal is. */
function withColour<T>(color: boolean, f: (paint: Paint) => T): T {
  if (!color) return f(plain);
  const was = kleur.enabled;
  kleur.enabled = true;
  try {
    return f(coloured);
  } finally {
    kleur.enabled = was;
  }
}

/** One diagnostic: `file:line:col: error: message`, the line, the carets, its notes. */
export function formatDiagnostic(d: Diagnostic, source: string, color: boolean, severity: Severity = "error"): string {
  return withColour(color, (paint) => render(d, linesOf(() => true, source, new Map()), paint, severity));
}

const count = (n: number, what: string): string => `${n.toLocaleString("en-US")} ${what}${n === 1 ? "" : "s"}`;

/** The diagnostics (the first maxErrorsShown), a blank line between them, then
 * `N errors` (or warnings), or `... and N more errors (M in all)`. No final newline. */
export function formatDiagnostics(list: readonly Diagnostic[], source: string, color: boolean, severity: Severity = "error", sources: SourceSet = new Map()): string {
  const sorted = sortDiagnostics(list);
  const lines = linesOf((file) => !sources.has(file), source, sources);
  return withColour(color, (paint) => {
    const blocks = sorted.slice(0, maxErrorsShown).map((d) => render(d, lines, paint, severity));
    const more = sorted.length - blocks.length;
    blocks.push(more > 0 ? `... and ${count(more, `more ${severity}`)} (${sorted.length.toLocaleString("en-US")} in all)` : count(sorted.length, severity));
    return blocks.join("\n\n");
  });
}

/** For a name that names nothing: ` (did you mean \`x\`?)` when one of `names` is one typo
 * away (a letter left out, added, changed, or two swapped; two for a name of six letters or
 * more; none for one of one or two), else "".
 * The program's own names only: a module's items, named `dir/module/x` in the ILs by now,
 * and the prelude's hidden ones are left out. */
export function didYouMean(name: string, names: Iterable<string>): string {
  if (name.length < 3) return ""; // (`x` is one typo from every short name)
  const most = name.length >= 6 ? 2 : 1;
  let best: { name: string; distance: number } | null = null;
  for (const n of names) {
    if (n === name || n === "main" || /[./]/.test(n) || Math.abs(n.length - name.length) > most) continue;
    const distance = typos(name, n);
    if (distance <= most && (best === null || distance < best.distance)) best = { name: n, distance };
  }
  return best === null ? "" : ` (did you mean \`${best.name}\`?)`;
}

/** The edits that turn a into b: letters inserted, deleted, changed, or two neighbours swapped. */
function typos(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
