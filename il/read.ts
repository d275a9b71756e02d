// The IL machinery, part 6: the reader, derived from the same templates as the
// printer (nanopass derives both the parser and the unparser from a language).
//
// readNode(L, text) reads a program of L written the way printNode prints it
// and gives back its term (without `loc`); readNode(L, text, "Tail") reads one
// node of another nonterminal. read(print(p)) equals p for every IL (the
// property in tests/read.test.ts). A template reads as it prints:
//
// - literal text reads as itself; where a template has whitespace, any amount
//   of it reads (a newline where the template has one: indentation is free),
//   and where it has none, none may stand (but for the one space the printer
//   puts between two parts that would run together: `- 5`, `i.2 .next`);
// - a hole reads its type: a terminal by the terminal's own `read`
//   (il/define.ts), a nonterminal by trying each of its productions;
// - an optional hole reads its prefix and value, or nothing; a list reads its
//   items with the separator between them (a list with SEP a newline: one item
//   a line), or nothing.
//
// The reader tries every way of reading each part and keeps, for each place
// where a node may end, the first way found. Productions are tried newest
// first (those the IL, or the nearest IL before it, introduced), then in the
// order listed, so a form listed earlier wins a tie (`()` is Unit, not an
// empty Tuple). Templates that refer to their own nonterminal first
// (`Field: "<target:Expr>.<field:field>"`) are read by growing: first the
// forms that do not, then each longer reading built on the last.
//
// When no reading covers the whole text, the error names the line and column
// of the farthest place any reading got to, and what would have been read
// there.

import { groupedAsTarget, isPostfix, kindsOf, type Field, type IL, type Production, type Reading } from "./define.js";
import { explainValidation, validate } from "./validate.js";

/** A text that is not a node of the IL: where the reader stopped, and what it expected there. */
export class ReadError extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    readonly expected: readonly string[],
    readonly found: string,
  ) {
    super(`${line}:${col}: expected ${alternatives(expected)}; found ${found}`);
  }
}

const alternatives = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? "nothing") : `${xs.slice(0, -1).join(", ")} or ${xs[xs.length - 1]}`);

/** A way of reading a part is a Reading, as a terminal's: where it ends, and its
 * value; a node's or a list's is built only once it is the reading kept. */
class Later {
  constructor(
    readonly make: () => unknown,
    /** The production of the node it makes (null for a list). */
    readonly production: Production | null = null,
  ) {}
}

const valueOf = (v: unknown): unknown => (v instanceof Later ? v.make() : v);

/** The readings of one nonterminal at one position; `growing` while its left-recursive forms grow. */
interface Entry {
  readings: readonly Reading[];
  growing: boolean;
  recursed: boolean;
}

/** A list read so far, last item first (shared between the readings that extend it). */
type Items = { readonly item: unknown; readonly before: Items } | null;
/** The fields of a node read so far, last first. */
type Values = { readonly value: unknown; readonly before: Values } | null;

/** How a production is read: the character its text must start with, when it starts with literal text. */
interface Plan {
  readonly lead: string | null;
  readonly leadText: string | null;
  /** A template that is one newline-separated list prints its items flush left, one a line. */
  readonly flush: boolean;
}

const plans = new WeakMap<Production, Plan>();

function planOf(p: Production): Plan {
  let plan = plans.get(p);
  if (plan) return plan;
  const first = p.parts[0];
  const text = first && "text" in first ? (/^\S+/.exec(first.text)?.[0] ?? null) : null;
  const only = p.parts.length === 1 && first && "field" in first ? first.field : null;
  plan = { lead: text?.[0] ?? null, leadText: text, flush: only !== null && only.arity === "many" && only.separator === "\n" };
  plans.set(p, plan);
  return plan;
}

function nodeOf(p: Production, values: Values): Record<string, unknown> {
  const made: unknown[] = [];
  for (let v = values; v !== null; v = v.before) made.push(valueOf(v.value));
  const node: Record<string, unknown> = { kind: p.kind };
  p.fields.forEach((f, i) => (node[f.name] = made[made.length - 1 - i]));
  return node;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\r";
const isWhite = (c: string | undefined) => isSpace(c) || c === "\n";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** A literal text of a template as pieces: text to read as it stands, or whitespace. */
type Piece = { readonly text: string } | { readonly space: "line" | "gap" };

function piecesOf(literal: string): Piece[] {
  return (literal.match(/\s+|\S+/g) ?? []).map((t) => (/^\s/.test(t) ? { space: t.includes("\n") ? "line" : "gap" } : { text: t }));
}

class Reader {
  private readonly memo = new Map<string, Map<number, Entry>>();
  private readonly pieces = new Map<string, Piece[]>();
  private farthest = -1;
  private expected = new Set<string>();
  private expectedTexts = new Set<string>();

  constructor(
    private readonly il: IL,
    private readonly text: string,
  ) {}

  /** Notes that `what` (a literal text when `literal`) would have been read at `at`,
   * for the error should no reading cover the text. */
  expect(at: number, what: string, literal = false): void {
    if (at < this.farthest) return;
    if (at > this.farthest) [this.farthest, this.expected, this.expectedTexts] = [at, new Set(), new Set()];
    (literal ? this.expectedTexts : this.expected).add(what);
  }

  /** Whitespace at `at`: `line` must hold a newline (a `loose` gap may). Any
   * amount reads, or none right after whitespace (a list's last newline before
   * a template's indentation), at the start or end of the text, or (`gap`) at a
   * line's end. */
  space(at: number, kind: "line" | "gap", loose = false): number | null {
    const text = this.text;
    let end = at;
    let newline = false;
    for (; end < text.length && (isSpace(text[end]) || ((kind === "line" || loose) && text[end] === "\n")); end++) if (text[end] === "\n") newline = true;
    let before = at;
    for (; before > 0 && isWhite(text[before - 1]); before--) if (text[before - 1] === "\n") newline = true;
    const edge = before === 0 || end === text.length;
    if (kind === "line" ? newline || edge : end > at || before < at || edge || text[end] === "\n") return end;
    this.expect(at, kind === "line" ? "a new line" : "a space");
    return null;
  }

  /** A template's literal text at `at`: where it ends, or null. When `loose`, its
   * first space may be a new line (after a newline-separated list left empty,
   * which would have started with one: a block with no statements before its tail). */
  literal(literal: string, at: number, loose = false): number | null {
    let pieces = this.pieces.get(literal);
    if (!pieces) this.pieces.set(literal, (pieces = piecesOf(literal)));
    let i = at;
    for (const piece of pieces) {
      if ("space" in piece) {
        const end = this.space(i, piece.space, loose && i === at);
        if (end === null) return null;
        i = end;
      } else if (this.text.startsWith(piece.text, i)) i += piece.text.length;
      else {
        this.expect(i, piece.text, true);
        return null;
      }
    }
    return i;
  }

  /** A value of a terminal or nonterminal at `at`. */
  value(type: string, at: number): readonly Reading[] {
    const t = this.il.terminals.get(type);
    if (!t) return this.nonterminal(type, at);
    const read = t.read(this.text, at);
    const readings = read.every((r) => t.test(r.value)) ? read : read.filter((r) => t.test(r.value));
    if (readings.length === 0) this.expect(at, t.values ? `a ${t.name}` : t.describe);
    return readings;
  }

  /** Every way of reading a node of `nt` at `at`, at most one per end. */
  nonterminal(nt: string, at: number): readonly Reading[] {
    let table = this.memo.get(nt);
    if (!table) this.memo.set(nt, (table = new Map()));
    const known = table.get(at);
    if (known) {
      if (known.growing) known.recursed = true;
      return known.readings;
    }
    const entry: Entry = { readings: [], growing: true, recursed: false };
    table.set(at, entry);
    // A form that starts with its own nonterminal reads what the last round read, then
    // more; the other forms read the same each round (`once` keeps their readings).
    const once = new Map<Production, readonly Reading[]>();
    for (;;) {
      entry.recursed = false;
      const readings = this.alternatives(nt, at, once);
      const grew = readings.length > entry.readings.length;
      if (grew || !entry.recursed) entry.readings = readings;
      if (!entry.recursed || !grew) break;
    }
    entry.growing = false;
    return entry.readings;
  }

  private alternatives(nt: string, at: number, once: Map<Production, readonly Reading[]>): Reading[] {
    const out: Reading[] = [];
    const ends: number[] = [];
    const choice = this.choice(nt);
    for (const p of choice.byLead.get(this.text[at]!) ?? choice.unled) {
      let readings = once.get(p);
      if (!readings) {
        readings = this.production(p, at, choice.growing.has(p));
        if (!choice.growing.has(p)) once.set(p, readings);
      }
      for (const r of readings) {
        if (ends.includes(r.end)) continue;
        ends.push(r.end);
        out.push(r);
      }
    }
    if (at >= this.farthest) for (const lead of choice.leads) this.expect(at, lead, true);
    return out;
  }

  /** The productions of a nonterminal in the order they are tried: those a later
   * IL introduced (added or changed) before those it inherited, each in the order
   * listed. The newer form is the more particular one: La64's `ldr x0, [sp, #8]`
   * is Ldr of a stack slot (La64patched's) before it is Load of a heap object
   * (La64var's), which prints the same way. Most templates start with literal
   * text, so the next character rules most of them out at once. */
  private choice(nt: string): Choice {
    let table = choices.get(this.il);
    if (!table) choices.set(this.il, (table = new Map()));
    let choice = table.get(nt);
    if (!choice) {
      const generation = generations(this.il);
      const ordered = kindsOf(this.il, nt)
        .sort((a, b) => generation.get(b)! - generation.get(a)!)
        .map((kind) => this.il.kinds.get(kind)!);
      const unled = ordered.filter((p) => planOf(p).lead === null);
      const byLead = new Map<string, Production[]>();
      for (const p of ordered) {
        const lead = planOf(p).lead;
        if (lead !== null && !byLead.has(lead)) byLead.set(lead, ordered.filter((q) => planOf(q).lead === lead || planOf(q).lead === null));
      }
      const leads = [...new Set(ordered.map((p) => planOf(p).leadText).filter((t) => t !== null))];
      // A template that starts with a hole of this nonterminal (`<target:Expr>.<field:field>`) grows.
      const growing = new Set(ordered.filter((p) => isPostfix(this.il, p)));
      table.set(nt, (choice = { byLead, unled, leads, growing }));
    }
    return choice;
  }

  /** A production's template, part by part; at each part, at most one way per end. `postfix`:
   * it starts with a hole of its own nonterminal (isPostfix), which may then be `(x)`. */
  private production(p: Production, at: number, postfix: boolean): Reading[] {
    const plan = planOf(p);
    let ats: number[] = [at];
    let values: Values[] = [null];
    // Whether a newline-separated list just read nothing (see `literal`).
    let empty: boolean[] = [false];
    for (const [k, part] of p.parts.entries()) {
      const nextAts: number[] = [];
      const nextValues: Values[] = [];
      const nextEmpty: boolean[] = [];
      for (let i = 0; i < ats.length; i++) {
        const from = ats[i]!;
        if (this.joined(from)) continue;
        if ("text" in part) {
          const end = this.literal(part.text, this.glue(from), empty[i]);
          if (end !== null && !nextAts.includes(end)) nextAts.push(end), nextValues.push(values[i]!), nextEmpty.push(false);
          continue;
        }
        const f = part.field;
        if (k === 0 && postfix) {
          // A target in parentheses that the printer put there (groupedAsTarget), read before a one-element tuple would be.
          for (const r of this.grouped(f.type, from)) nextAts.push(r.end), nextValues.push({ value: r.value, before: values[i]! }), nextEmpty.push(false);
        }
        for (const r of this.field(f, this.glue(from), plan.flush)) {
          if (nextAts.includes(r.end)) continue;
          nextAts.push(r.end);
          nextValues.push({ value: r.value, before: values[i]! });
          nextEmpty.push(f.arity === "many" && f.separator === "\n" && r.end === from);
        }
      }
      if (nextAts.length === 0) return [];
      [ats, values, empty] = [nextAts, nextValues, nextEmpty];
    }
    return ats.map((end, i) => ({ end, value: new Later(() => nodeOf(p, values[i]!), p) }));
  }

  /** The readings of `(x)` whose x is a node written in parentheses as a postfix form's first part (groupedAsTarget). */
  private grouped(nt: string, at: number): Reading[] {
    const open = this.literal("(", at);
    if (open === null) return [];
    return this.nonterminal(nt, open).flatMap((r) => {
      const end = r.value instanceof Later && r.value.production !== null && groupedAsTarget(this.il, r.value.production) ? this.literal(")", r.end) : null;
      return end === null ? [] : [{ end, value: r.value }];
    });
  }

  /** A `-` and a digit are never two parts: the printer would have put a space between them. */
  private joined(at: number): boolean {
    return this.text[at - 1] === "-" && isDigit(this.text[at]);
  }

  /** Where the template has no space, the printer puts one between two parts that
   * would read as one thing (il/print.ts, runTogether): between a `-` and a digit
   * (`- 5`, the negation of 5; `-5` is the integer), or a name and a `.` (`i.2 .next`,
   * field next of i.2). Read past it. */
  private glue(at: number): number {
    const t = this.text;
    if (t[at] !== " ") return at;
    if (t[at - 1] === "-" && isDigit(t[at + 1])) return at + 1;
    return isWord(t[at - 1]) && t[at + 1] === "." && isWord(t[at + 2]) ? at + 1 : at;
  }

  private field(f: Field, at: number, flush: boolean): readonly Reading[] {
    if (f.arity === "one") return this.value(f.type, at);
    if (f.arity === "optional") {
      const start = f.prefix ? this.literal(f.prefix, at) : at;
      const present = start === null ? [] : this.suffixed(f, this.value(f.type, start));
      return [...present, { end: at, value: null }];
    }
    return this.list(f, at, flush);
  }

  /** The readings followed by the field's suffix, when it has one (`<(|args:Expr*, |)>`). */
  private suffixed(f: Field, readings: readonly Reading[]): Reading[] {
    if (!f.suffix) return [...readings];
    return readings.flatMap((r) => {
      const end = this.literal(f.suffix, r.end);
      return end === null ? [] : [{ ...r, end }];
    });
  }

  /** A list: nothing, or its prefix, items and suffix (newline-separated ones each on a line of their own). */
  private list(f: Field, at: number, flush: boolean): Reading[] {
    const lines = f.separator === "\n";
    const out: Reading[] = [{ end: at, value: new Later(() => []) }];
    const start = f.prefix ? this.literal(f.prefix, at) : at;
    if (start === null) return out;
    let frontier: { at: number; items: Items }[] = [{ at: start, items: null }];
    for (let first = true; frontier.length > 0; first = false) {
      const next: typeof frontier = [];
      const ends = new Set<number>();
      for (const s of frontier) {
        // Before the first item: a newline (not when flush left); before each other: the separator.
        const from = first ? (lines && !flush ? this.space(s.at, "line") : s.at) : lines ? this.space(s.at, "line") : this.literal(f.separator, s.at);
        if (from === null || this.joined(from)) continue;
        for (const r of this.value(f.type, this.glue(from))) {
          if (r.end === from || ends.has(r.end)) continue;
          ends.add(r.end);
          next.push({ at: r.end, items: { item: r.value, before: s.items } });
        }
      }
      for (const s of next) {
        const end = lines && !flush ? this.space(s.at, "line") : s.at;
        const after = end === null || !f.suffix ? end : this.literal(f.suffix, end);
        if (after !== null) out.push({ end: after, value: new Later(() => listOf(s.items)) });
      }
      frontier = next;
    }
    return out;
  }

  /** Where the farthest reading stopped, as an error. */
  error(): ReadError {
    const at = Math.max(this.farthest, 0);
    const before = this.text.slice(0, at);
    const line = before.split("\n").length;
    const col = at - before.lastIndexOf("\n");
    const rest = this.text.slice(at).split("\n")[0]!;
    const found = at >= this.text.length ? "the end of the text" : rest === "" ? "the end of the line" : JSON.stringify(rest.length > 24 ? `${rest.slice(0, 24)}...` : rest);
    return new ReadError(line, col, [...[...this.expectedTexts].map((t) => JSON.stringify(t)), ...this.expected], found);
  }
}

/** How a nonterminal's productions are tried (Reader.choice). */
interface Choice {
  /** For each character a production's text may start with, the productions to try. */
  readonly byLead: ReadonlyMap<string, readonly Production[]>;
  /** Those that do not start with literal text (all there is to try before any other character). */
  readonly unled: readonly Production[];
  /** The literal texts the productions start with, for the error. */
  readonly leads: readonly string[];
  /** Those that start with a hole of their own nonterminal. */
  readonly growing: ReadonlySet<Production>;
}

const choices = new WeakMap<IL, Map<string, Choice>>();

/** For each kind of an IL, how many ILs come before the one that introduced its form (added or changed it). */
function generations(il: IL): Map<string, number> {
  const chain: IL[] = [];
  for (let l: IL | null = il; l !== null; l = l.parent) chain.unshift(l);
  const out = new Map<string, number>();
  chain.forEach((l, depth) => {
    for (const kind of [...l.delta.added, ...l.delta.changed]) out.set(kind, depth);
  });
  return out;
}

function listOf(items: Items): unknown[] {
  const values: unknown[] = [];
  for (let i = items; i !== null; i = i.before) values.push(i.item);
  return values.reverse().map(valueOf);
}

/** Reads `text` as a node of `nonterminal` (the IL's entry: a whole program) of `il`;
 * throws a ReadError, with the line and column, when it is not one. */
export function readNode(il: IL, text: string, nonterminal: string = il.entry): unknown {
  if (!il.productions.has(nonterminal)) throw new Error(`${il.name} has no nonterminal ${nonterminal}`);
  const reader = new Reader(il, text);
  let start = 0;
  while (isWhite(text[start])) start++;
  for (const r of reader.nonterminal(nonterminal, start)) {
    let after = r.end;
    while (isWhite(text[after])) after++;
    if (after === text.length) return valueOf(r.value);
    reader.expect(r.end, "the end of the text");
  }
  if (start === text.length) reader.expect(start, `a ${nonterminal}`);
  throw reader.error();
}

/** Reads a whole program of `il` and checks it against the IL's invariants too
 * (a term read is in the grammar already); throws when it is not one. */
export function readProgram(il: IL, text: string): unknown {
  const program = readNode(il, text);
  const v = validate(il, program);
  if (!v.ok) throw new Error(explainValidation(v));
  return program;
}
