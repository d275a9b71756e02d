// Mutation of source text for the fuzzer (props/fuzz.ts), where a tree
// mutation (props/mutate-tree.ts) cannot reach: of the token stream, for
// text that does not parse or to break the grammar on purpose, and of the raw
// bytes, for what the lexer and the diagnostics must survive (odd bytes,
// invalid UTF-8, truncation, huge repetition, deep nesting, long tokens).
// Token mutations keep the text between tokens (spaces, comments) as it was.
import { diagnosticSink } from "../front-end/diagnostics.js";
import { keywords, lexer } from "../front-end/lexer.js";
import type { Random } from "./random.js";

/** Inputs larger than this are not made (a mutation that would is dropped). */
export const maxInputBytes = 256 * 1024;

/** A token's place in the text: [start, end) in UTF-16 units. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}

/** The tokens of the text (without the `;` the newline rule inserts), by offset. */
export function tokenSpans(source: string): Span[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const next = lexer(source, diagnosticSink("fuzz.qs"));
  const spans: Span[] = [];
  for (let t = next(); t.kind !== "eof"; t = next()) {
    if (t.implicit) continue;
    const start = lineStarts[t.line - 1]! + t.col - 1;
    spans.push({ start, end: start + t.length, kind: t.kind });
  }
  return spans;
}

const punctuation = ["(", ")", "{", "}", "[", "]", ",", ":", ";", ".", "..", "+", "-", "*", "/", "%", "=", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "~", "&", "|", "^", "<<", ">>", "+=", "<<=", "->", "=>"];
const oddTokens = [
  "0", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "0x", "0xffffffffffffffff", "0b2", "1__0", "1_", "0x_1",
  '"', '""', '"\\q"', '"\\u{110000}"', '"\\u{d800}"', "/*", "*/", "//", "@", "#", "$", "`", "\\", "'", "é", "日", "😀", "\u{7}", "\u{1b}[2J",
  "print", "len", "array", "Box", "read_int", "main", "Int", "Bool", "String", "Array", "_", "x", "fn main() {}", "{}", "()", "[]",
];
const vocabulary = [...keywords, ...punctuation, ...oddTokens];

/** One mutation of the token stream: delete, repeat, swap, insert or replace tokens, or move a bracketed span. */
export function mutateTokens(source: string, r: Random, donor: string): { text: string; how: string } | null {
  const spans = tokenSpans(source);
  if (spans.length === 0) return { text: r.pick(vocabulary) + " " + source, how: "token-insert" };
  const text = (s: Span) => source.slice(s.start, s.end);
  const a = r.pick(spans);
  const b = r.pick(spans);
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  const splice = (from: number, to: number, insert: string) => source.slice(0, from) + insert + source.slice(to);
  switch (r.int(8)) {
    case 0: return { text: splice(a.start, a.end, ""), how: "token-delete" };
    case 1: return { text: splice(a.end, a.end, (" " + text(a)).repeat(r.chance(0.1) ? r.between(2, 500) : 1)), how: "token-repeat" };
    case 2: {
      if (first === second) return null;
      return { text: source.slice(0, first.start) + text(second) + source.slice(first.end, second.start) + text(first) + source.slice(second.end), how: "token-swap" };
    }
    case 3: return { text: splice(a.start, a.start, r.pick(vocabulary) + " "), how: "token-insert" };
    case 4: return { text: splice(a.start, a.end, r.pick([...vocabulary, ...spans.map(text)])), how: "token-replace" };
    case 5: return { text: splice(first.start, second.end, ""), how: "token-delete-range" };
    case 6: {
      // A run of tokens copied elsewhere (from this text or another program).
      const from = r.chance(0.5) ? donor : source;
      const donorSpans = from === source ? spans : tokenSpans(from);
      if (donorSpans.length === 0) return null;
      const i = r.int(donorSpans.length);
      const j = Math.min(donorSpans.length - 1, i + r.few(30));
      return { text: splice(a.start, a.start, from.slice(donorSpans[i]!.start, donorSpans[j]!.end) + " "), how: "token-splice" };
    }
    default: {
      // A bracketed span (from an opening bracket to its partner) deleted or repeated.
      const opens = spans.filter((s) => s.kind === "{" || s.kind === "(" || s.kind === "[");
      if (opens.length === 0) return null;
      const open = r.pick(opens);
      const close = { "{": "}", "(": ")", "[": "]" }[open.kind]!;
      let depth = 0;
      const end = spans.find((s) => s.start >= open.start && (s.kind === open.kind ? ++depth : s.kind === close ? --depth : depth) === 0 && s.kind === close);
      if (!end) return null;
      const inner = source.slice(open.start, end.end);
      return r.chance(0.5) ? { text: splice(open.start, end.end, ""), how: "bracket-delete" } : { text: splice(open.start, end.end, inner + inner), how: "bracket-repeat" };
    }
  }
}

const utf8 = (s: string) => Buffer.from(s, "utf8");
/** Byte sequences a lexer must survive: control characters, invalid and overlong UTF-8, a BOM, wide and bidi characters. */
const oddBytes: readonly Buffer[] = [
  Buffer.from([0x00]), Buffer.from([0x1b, 0x5b, 0x32, 0x4a]), Buffer.from([0x1b, 0x5d, 0x30, 0x3b]), Buffer.from([0x7f]), Buffer.from([0x80]),
  Buffer.from([0xc0, 0x80]), Buffer.from([0xff]), Buffer.from([0xfe, 0xff]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0xe2, 0x80]), utf8("\u{202e}"), utf8("😀"), utf8("日本"), utf8("\r"), utf8("\r\n"), utf8("\f"),
  utf8("\v"), utf8("\t"), utf8("\u{a0}"), utf8("\u{2028}"), utf8("\n"), utf8("\u{7}"),
];

/** Deep nesting: an opener repeated, with (sometimes) its closer repeated after. */
const nestings: readonly (readonly [string, string])[] = [["(", ")"], ["{", "}"], ["[", "]"], ["-", ""], ["!", ""], ["Array[", "]"], ["{ let x = ", " }"], ["if true { ", " } else { 0 }"], ["/*", "*/"], ["f(", ")"]];

/** One mutation of the bytes; decoded as UTF-8 the way a source file is read (invalid bytes become U+FFFD). */
export function mutateBytes(source: string, r: Random): { text: string; how: string } | null {
  const bytes = utf8(source);
  const at = r.int(bytes.length + 1);
  const cat = (...parts: Buffer[]) => Buffer.concat(parts);
  let out: Buffer;
  let how: string;
  switch (r.int(8)) {
    case 0: {
      if (bytes.length === 0) return null;
      out = Buffer.from(bytes);
      const i = r.int(bytes.length);
      out[i] = r.chance(0.5) ? out[i]! ^ (1 << r.int(8)) : r.int(256);
      how = "byte-flip";
      break;
    }
    case 1: out = cat(bytes.subarray(0, at), r.pick(oddBytes), bytes.subarray(at)); how = "byte-insert"; break;
    case 2: out = bytes.subarray(0, at); how = "truncate"; break;
    case 3: {
      const length = r.between(1, 40);
      const piece = bytes.subarray(at, at + length);
      const times = r.weighted([[4, r.between(2, 20)], [2, r.between(100, 2000)], [1, r.between(5000, 20000)]]);
      out = cat(bytes.subarray(0, at), Buffer.alloc(piece.length * times, piece.length ? piece : " "), bytes.subarray(at));
      how = "repeat";
      break;
    }
    case 4: {
      const [open, close] = r.pick(nestings);
      const depth = r.weighted([[2, r.between(100, 300)], [2, r.between(1000, 6000)], [1, r.between(20000, 60000)]]);
      const balanced = r.chance(0.7);
      const end = balanced ? Math.min(bytes.length, at + r.int(20)) : at;
      out = cat(bytes.subarray(0, at), utf8(open.repeat(depth)), bytes.subarray(at, end), utf8(balanced ? close.repeat(depth) : ""), bytes.subarray(end));
      how = "deep-nesting";
      break;
    }
    case 5: {
      const long = r.pick(["9".repeat(r.between(20, 50000)), "v".repeat(r.between(300, 100000)), `"${"s".repeat(r.between(300, 100000))}"`, `0x${"f".repeat(r.between(17, 5000))}`, "_".repeat(1000)]);
      out = cat(bytes.subarray(0, at), utf8(` ${long} `), bytes.subarray(at));
      how = "long-token";
      break;
    }
    case 6: {
      const to = Math.min(bytes.length, at + r.few(200));
      out = cat(bytes.subarray(0, at), bytes.subarray(to));
      how = "byte-delete";
      break;
    }
    default: {
      // Every line break becomes something else: one long line, CR line ends, or `;`.
      const replacement = r.pick(["\r\n", "\r", ";", " ", "\n\n\n"]);
      out = utf8(source.replace(/\n/g, replacement));
      how = "line-breaks";
    }
  }
  if (out.length > maxInputBytes) return null;
  return { text: out.toString("utf8"), how };
}
