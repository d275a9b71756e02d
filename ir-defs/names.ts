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
import { terminal } from "../il/define.js";

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

export const sourceNames = names("an identifier, or prelude.X", /(?:prelude\.)?[A-Za-z_][A-Za-z0-9_]*/);

export const uniqueNames = names("an identifier, prelude.X, or a variable's unique name x.N", /(?:prelude\.)?[A-Za-z_][A-Za-z0-9_]*(?:\.[0-9]+)?|[0-9]+\.[0-9]+/);

export const loopNames = names(
  "an identifier, a variable's unique name x.N, or a for loop's x.N.next, x.N.end or x.N.array",
  /[A-Za-z_][A-Za-z0-9_]*(?:\.[0-9]+(?:\.(?:next|end|array)(?![A-Za-z0-9_]))?)?|[0-9]+\.[0-9]+/,
);

export const dottedNames = terminal.name;
