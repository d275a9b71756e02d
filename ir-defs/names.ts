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
//   Lwhile, Lshrunk   and a for loop's x.N.next, x.N.end, x.N.array, x.N.chan, x.N.recv (desugar-for)
//   Llayout ...       any dotted name: with no fields left, a dot can only be a name's
//   Lmono ...         and an instance of a generic item, named by its type arguments:
//                     swap[Int, Bool], prelude.Option[Int] (spec/symbols.md)
//   Lresolved ...     and a method, named by its type and itself: Point.norm1,
//                     Stack[Int].push, (Int, Bool).show, (fn(Int) -> Int).apply
//                     (resolve-methods; no const is left, so a
//                     dot after a name without a number can only be a method's)
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
 * `prelude.Option[Int]`, and so `fn.swap[Int, Bool]` and `swap[Int, Bool].block1`), or
 * standing for a type (`(Int, Bool).show`, and so `fn.(Int, Bool).show`). */
export function instanceNameEnd(text: string, at: number): number {
  let [i, bracketed] = [at, false];
  for (;;) {
    const typed = typePartEnd(text, i);
    if (typed >= 0) [i, bracketed] = [typed, true];
    else {
      identifierAt.lastIndex = i;
      const m = identifierAt.exec(text);
      if (!m) return -1;
      i += m[0].length;
      const args = typeArgumentsEnd(text, i);
      if (args >= 0) [i, bracketed] = [args, true];
    }
    const joiner = text[i] === "/" || text[i] === "." ? 1 : 0; // (`util.text/Pair[Int]`)
    if (joiner === 0 || !/[A-Za-z_(]/.test(text[i + joiner] ?? "")) return bracketed ? i : -1;
    i += joiner;
  }
}

/** Where a part that is a type written at `at` ends, or -1: a tuple type, or a function type in
 * parentheses, as a method's type is written in its name (`(Int, Bool).show`, `(fn(Int) -> Int).apply`). */
function typePartEnd(text: string, at: number): number {
  if (text[at] !== "(") return -1;
  const tuple = readType(text, at);
  if (tuple !== null) return tuple.end;
  const inner = readType(text, at + 1);
  return inner !== null && inner.type.kind === "fn" && text[inner.end] === ")" ? inner.end + 1 : -1;
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

/** What may stand before an item's identifier: `prelude.` for a prelude item the program
 * hides, or a module's full path and `/` for an item of a module other than the program's
 * own file (resolve-modules): `util.text/pad`. No field access or method is written with `/`. */
const qualifier = /(?:prelude\.|(?:[A-Za-z_][A-Za-z0-9_]*\.)*[A-Za-z_][A-Za-z0-9_]*\/)?/;
const identifier = /[A-Za-z_][A-Za-z0-9_]*/;

export const sourceNames = names("an identifier, prelude.X, or a module's item path/X", new RegExp(qualifier.source + identifier.source));

export const uniqueNames = names("an identifier, prelude.X, path/X, or a variable's unique name x.N", new RegExp(`${qualifier.source}${identifier.source}(?:\\.[0-9]+)?|[0-9]+\\.[0-9]+`));

export const monoNames = withInstances(uniqueNames, "an identifier, prelude.X, or a variable's unique name x.N");

/** Where a method's name `Type.method` written at `at` ends, or -1: a type's name (maybe an
 * instance: `Stack[Int]`, maybe the prelude's: `prelude.Option[Int]`; a tuple type or a function
 * type in parentheses: `(Int, Bool).show`) and an identifier. */
function methodNameEnd(text: string, at: number): number {
  const instance = instanceNameEnd(text, at);
  if (instance >= 0) return instance; // `Stack[Int].push` (and an instance of any other kind)
  const m = new RegExp(`^${qualifier.source}[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_.[/])`).exec(text.slice(at, at + 400));
  return m ? at + m[0].length : -1;
}

/** The name of a method's function (resolve-methods): its type, as the ILs write it, and its own
 * name; a function type in parentheses, so that its result's name does not run into the method's. */
export const methodFunction = (type: string, method: string): string => `${type.startsWith("fn(") ? `(${type})` : type}.${method}`;

/** A terminal of names that also holds methods' names, `Point.norm1` (from Lresolved on). */
export function withMethods(base: Terminal): Terminal {
  const methodAt = (text: string, at: number): number => (keywordWord.test(text.slice(at, at + 12)) ? methodNameEnd(text, at) : -1);
  return {
    ...base,
    describe: `${base.describe}, or a method: Point.norm1`,
    test: (v: unknown) => base.test(v) || (typeof v === "string" && methodAt(v, 0) === v.length),
    read: (text, at) => {
      const end = methodAt(text, at);
      const others = base.read(text, at);
      return end < 0 || others.some((r) => r.end === end) ? others : [...others, { value: text.slice(at, end), end }];
    },
  };
}

export const methodNames = withMethods(monoNames);

export const loopNames = withMethods(withInstances(names(
  "an identifier, a variable's unique name x.N, or a for loop's x.N.next, x.N.end, x.N.array, x.N.chan or x.N.recv",
  new RegExp(`${qualifier.source}[A-Za-z_][A-Za-z0-9_]*(?:\\.[0-9]+(?:\\.(?:next|end|array|chan|recv)(?![A-Za-z0-9_]))?)?|[0-9]+\\.[0-9]+`),
), "an identifier, a variable's unique name x.N, or a for loop's x.N.next, x.N.end, x.N.array, x.N.chan or x.N.recv"));

export const dottedNames = withInstances(terminal.name, "an identifier, maybe with dot-separated parts (x.3, i.2.next)");
