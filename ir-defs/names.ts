// How the ILs spell the names of variables and items, as the terminal `name`
// of each. A name's dots are its own: the reader (il/read.ts) reads `t.3.0`
// as field 0 of the variable t.3, and `i.3.next` as one name where the IL says
// names may end so, so each IL says which dots a name may have.
//
//   Lsrc, Ltyped      identifiers, as the programmer writes them
//   Luniq ...         and x.N: uniquify gives each local its own number, and a
//                     variable a pass makes is named after what it holds,
//                     `index.7` (fresh-names.ts); after a tuple's field, `0.8`
//   Lwhile, Lshrunk   and a for loop's x.N.next, x.N.end, x.N.array (desugar-for)
//   Llayout ...       any dotted name: with no fields left, a dot can only be a name's
import { terminal } from "../il/define.js";

export const sourceNames = terminal.names("an identifier", /[A-Za-z_][A-Za-z0-9_]*/);

export const uniqueNames = terminal.names("an identifier, or a variable's unique name x.N", /[A-Za-z_][A-Za-z0-9_]*(?:\.[0-9]+)?|[0-9]+\.[0-9]+/);

export const loopNames = terminal.names(
  "an identifier, a variable's unique name x.N, or a for loop's x.N.next, x.N.end or x.N.array",
  /[A-Za-z_][A-Za-z0-9_]*(?:\.[0-9]+(?:\.(?:next|end|array)(?![A-Za-z0-9_]))?)?|[0-9]+\.[0-9]+/,
);

export const dottedNames = terminal.name;
