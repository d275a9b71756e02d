// How the ILs spell the names of variables and items, as the terminal `name`
// of each. A name's dots are its own: the reader (il/read.ts) reads `t.3.0`
// as field 0 of the variable t.3, and `i.3.next` as one name where the IL says
// names may end so, so each IL says which dots a name may have.
//
//   Lsrc, Ltyped      identifiers, as the programmer writes them, and a prelude
//                     item that the program hides, renamed prelude.X (front-end/prelude.ts)
//   Luniq ...         and x.N: uniquify gives each local its own number, and a
//                     variable a pass makes is named after what it holds,
//                     `index.7` (fresh-names.ts); after a tuple's field, `0.8`
//   Lwhile, Lshrunk   and a for loop's x.N.next, x.N.end, x.N.array (desugar-for)
//   Llayout ...       any dotted name: with no fields left, a dot can only be a name's
//   Lmono ...         and an instance of a generic item, named by its type arguments:
//                     swap[Int, Bool], prelude.Option[Int] (spec/symbols.md)
//
// An instance name reads unambiguously from Lmono on, where every local variable
// ends in its number: `a.3[K]` is an element of the array a.3, never an instance
// (type arguments follow only a part that is an identifier).
import { terminal, type Terminal } from "../il/define.js";
import { readType } from "./type-syntax.js";

/** Quastra's reserved words (brief, section 1). */
export const keywords = [
  "module", "use", "pub", "fn", "let", "mut", "if", "else", "while", "for", "in", "break", "continue", "return",
  "match", "record", "union", "protocol", "impl", "type", "const", "true", "false", "spawn", "scope", "using",
  "try", "self", "Self",
] as const;

/** No name is a keyword, but for `self` (a method's receiver, a parameter like any
 * other), so `true` reads as a Bool and `break` as the statement; `match.3`, a name
 * made after a keyword, is a name. */
const notKeyword = `(?!(?:${keywords.filter((k) => k !== "self").join("|")})(?![A-Za-z0-9_.]))`;
const names = (describe: string, pattern: RegExp) => terminal.names(describe, new RegExp(notKeyword + `(?:${pattern.source})`));

const identifierAt = /[A-Za-z_][A-Za-z0-9_]*/y;
const keywordWord = new RegExp(`^${notKeyword}`);

/** Where type arguments `[T1, ..., Tn]` written at `at` end (just after the `]`), or -1. */
function typeArgumentsEnd(text: string, at: number): number {
  if (text[at] !== "[") return -1;
  for (let i = at + 1; ; i += 2) {
    const t = readType(text, i);
    if (t === null) return -1;
    if (text[t.end] === "]") return t.end + 1;
    if (!text.startsWith(", ", t.end)) return -1;
    i = t.end;
  }
}

/** Where a name with type arguments written at `at` ends, or -1 when none starts there:
 * identifiers joined by dots, at least one followed by its type arguments (`swap[Int, Bool]`,
 * `prelude.Option[Int]`, and so `fn.swap[Int, Bool]` and `swap[Int, Bool].block1`). */
export function instanceNameEnd(text: string, at: number): number {
  let [i, bracketed] = [at, false];
  for (;;) {
    identifierAt.lastIndex = i;
    const m = identifierAt.exec(text);
    if (!m) return -1;
    i += m[0].length;
    const args = typeArgumentsEnd(text, i);
    if (args >= 0) [i, bracketed] = [args, true];
    if (text[i] !== "." || !/[A-Za-z_]/.test(text[i + 1] ?? "")) return bracketed ? i : -1;
    i++;
  }
}

/** A terminal of names that also holds the names of instances of generic items. */
export function withInstances(base: Terminal, describe: string): Terminal {
  const instanceAt = (text: string, at: number): number => (keywordWord.test(text.slice(at, at + 12)) ? instanceNameEnd(text, at) : -1);
  return {
    ...base,
    describe: `${describe}, or an instance of a generic item: swap[Int, Bool]`,
    test: (v: unknown) => base.test(v) || (typeof v === "string" && instanceAt(v, 0) === v.length),
    read: (text, at) => {
      const end = instanceAt(text, at);
      return end < 0 ? base.read(text, at) : [...base.read(text, at), { value: text.slice(at, end), end }];
    },
  };
}

export const sourceNames = names("an identifier, or prelude.X", /(?:prelude\.)?[A-Za-z_][A-Za-z0-9_]*/);

export const uniqueNames = names("an identifier, prelude.X, or a variable's unique name x.N", /(?:prelude\.)?[A-Za-z_][A-Za-z0-9_]*(?:\.[0-9]+)?|[0-9]+\.[0-9]+/);

export const monoNames = withInstances(uniqueNames, "an identifier, prelude.X, or a variable's unique name x.N");

export const loopNames = withInstances(names(
  "an identifier, a variable's unique name x.N, or a for loop's x.N.next, x.N.end or x.N.array",
  /(?:prelude\.)?[A-Za-z_][A-Za-z0-9_]*(?:\.[0-9]+(?:\.(?:next|end|array)(?![A-Za-z0-9_]))?)?|[0-9]+\.[0-9]+/,
), "an identifier, a variable's unique name x.N, or a for loop's x.N.next, x.N.end or x.N.array");

export const dottedNames = withInstances(terminal.name, "an identifier, maybe with dot-separated parts (x.3, i.2.next)");
