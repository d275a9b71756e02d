// Llayout: Lshrunk with data laid out in memory (spec/heap.md). Tuples, records,
// boxes, arrays and strings are objects on the heap, and a value of any of
// their types is a reference (`Ref`) to one. Building one is `new(...)` or
// `array(...)`, reading a field or an element is a load at a byte offset,
// writing one a store, and indexing an array checks the index first. Records
// and their field names are gone: only offsets are left.
//
// `new(a, s) refs 01` makes a fields object holding a and s; `refs` says, field
// by field, whether it holds a reference (here s), so that freeing the object
// can release what it refers to. `array(n, x) refs 1` makes an array of n
// copies of x, which are references. `*(p + 16): Int` is the word at byte 16
// of the object p, of type Int; `*(a + 24 + 8 * i): Ref` the element i of an
// array a.
import { extendIL, readMatch, terminal, type Terminal } from "../il/define.js";
import { Lshrunk } from "./lshrunk.js";
import { dottedNames } from "./names.js";
import { primitives } from "./ltyped.js";
import { typeTerminal } from "./lsrc.js";
import { parseType } from "./type-syntax.js";

/** The types left once data is laid out: what a word of memory holds. */
export const layoutTypeTerminal: Terminal = {
  name: "type",
  describe: "Int | Bool | Unit | Ref | fn(type, ...) -> type",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && isLayoutType(v),
  read: typeTerminal.read,
};

function isLayoutType(text: string): boolean {
  const t = parseType(text);
  const ok = (u: NonNullable<typeof t>): boolean =>
    u.kind === "name" ? ["Int", "Bool", "Unit", "Ref"].includes(u.name) : u.kind === "fn" && u.params.every(ok) && ok(u.ret);
  return t !== null && ok(t);
}

/** Which fields hold references: one digit per field, 1 for a reference. */
export const refsTerminal: Terminal = {
  name: "refs",
  describe: "a string of 0s and 1s, one per field (1: the field holds a reference)",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && /^[01]{0,48}$/.test(v),
  read: readMatch(/[01]*/),
};

/** The primitives left: the others became loads, stores and allocations. */
export const layoutPrimitives = primitives.filter((p) => !["assert", "array", "box", "get", "set", "len"].includes(p));

export const Llayout = extendIL(Lshrunk, {
  name: "Llayout",
  purpose: "data laid out: tuples, records, boxes, arrays and strings are heap objects, read and written at byte offsets",
  terminals: { type: layoutTypeTerminal, refs: refsTerminal, prim: terminal.oneOf("prim", layoutPrimitives), name: dottedNames },
  remove: ["Record", "Tuple", "Field", "Index", "RecordLit", "FieldInit", "FieldDecl", "SetIndex"],
  add: {
    Expr: {
      New: "new(<fields:Expr*, >) refs <refs:refs>",
      NewArray: "array(<length:Expr>, <init:Expr>) refs <refs:refs>",
      Load: "*(<base:Expr> + <offset:int>< + 8 * |index:Expr?>): <type:type>",
    },
    Stmt: {
      Store: "*(<base:Expr> + <offset:int>< + 8 * |index:Expr?>) = <value:Expr>",
      /** Panics `index out of bounds` unless 0 <= index < length. */
      CheckIndex: "check 0 <= <index:Expr> < <length:Expr>",
    },
  },
});
