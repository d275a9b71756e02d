// Ldata: Lchannels with data laid out in memory (spec/heap.md). Tuples, records,
// boxes, arrays and strings are objects on the heap, and a value of any of
// their types is a reference (`Ref`) to one. Building one is `new(...)` or
// `array(...)`, reading a field or an element is a load at a byte offset,
// writing one a store. Records and their field names are gone: only offsets
// are left. An element access checks its index itself (it panics `index out
// of bounds` unless 0 <= i < the array's length): insert-index-checks writes
// the check out (Lchecked), so the array and the index of every element access
// are atoms, which the check can read again.
//
// A union's value is `Union`: a reference to a fields object (its tag, then
// its fields), or an immediate, the odd word of a constructor without fields
// (ir-defs/heap-layout.ts); a test of its constructor and a read of a field
// are loads and comparisons like any other.
//
// Function values are still the closures of Lclosed (lay-out-closures makes
// them objects next): a type `fn(Int, Ref) -> Union` is a closure's, its
// parameters and result written as words.
//
// `new(a, s) refs 01` makes a fields object holding a and s; `refs` says, field
// by field, whether it holds a reference (here s), so that freeing the object
// can release what it refers to. `array(n, x) size 8 refs 1` makes an array of n
// copies of x, which are references, each a word (8 bytes); `array(n, true) size
// 1 refs 0` an array of Bool, a byte an element (ir-defs/heap-layout.ts).
// `*(p + 16): Int` is the word at byte 16 of the object p, of type Int;
// `*(a + 24 + 8 * i): Ref` the element i of an array a, a word; `*(b + 24 + 1 *
// i): Bool` the element i of an array of Bool, one byte. The size of an element
// (8 or 1) is both the index's scale and how many bytes the access reads or
// writes; a load or store without an index reads or writes a word.
//
// A channel (Lchannels' `channel(cap, info)`) is a heap object like the others:
// its type Chan[T] is a Ref.
import { extendIL, readMatch, terminal, type Invariant, type Terminal } from "../il/define.js";
import { forEachNode } from "../il/rewrite.js";
import { Lchannels } from "./lchannels.js";
import { everyTypeNamesAnItem } from "./lmono.js";
import { dottedNames } from "./names.js";
import { primitives } from "./ltyped.js";
import { taskPrimitives } from "./ltasks.js";
import { typeTerminal } from "./lsrc.js";
import { isHeapType, parseType, showType, type TypeTree } from "./type-syntax.js";

/** The types left once data is laid out: what a word of memory holds. */
export const layoutTypeTerminal: Terminal = {
  name: "type",
  describe: "Int | Bool | Unit | Ref | Union | fn(type, ...) -> type",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && isLayoutType(v),
  read: typeTerminal.read,
};

function isLayoutType(text: string): boolean {
  const t = parseType(text);
  const ok = (u: NonNullable<typeof t>): boolean =>
    u.kind === "name" ? ["Int", "Bool", "Unit", "Ref", "Union"].includes(u.name) : u.kind === "fn" && u.params.every(ok) && ok(u.ret);
  return t !== null && ok(t);
}

/** What a word of this type holds: Int, Bool, Unit, a function of such types, Union (of the `unions`), or Ref. */
export function layoutType(type: string, unions: ReadonlySet<string> = new Set()): string {
  const lower = (t: TypeTree): TypeTree =>
    t.kind === "fn" ? { kind: "fn", params: t.params.map(lower), ret: lower(t.ret) }
    : t.kind === "name" && (!isHeapType(t.name) || t.name === "Union") ? t
    : { kind: "name", name: unions.has(showType(t)) ? "Union" : "Ref" };
  return showType(lower(parseType(type)!));
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
export const layoutPrimitives = [...primitives, ...taskPrimitives, "channel"].filter((p) => !["assert", "array", "box", "get", "set", "len"].includes(p));

/** How many bytes an array element takes: 8 (a word) or 1 (a Bool, in an array of bytes). */
export const sizeTerminal: Terminal = {
  name: "size",
  describe: "8 or 1: the bytes an array element takes",
  tsType: "bigint",
  test: (v: unknown) => v === 8n || v === 1n,
  read: readMatch(/[18]/, (text) => BigInt(text)),
};

const atomKinds: ReadonlySet<string> = new Set(["Int", "Bool", "Unit", "Str", "Var", "StaticClosure"]);

export const elementOperandsAreAtoms: Invariant = {
  says: "the array, the index and the value stored of an element access are atoms (literals or variables)",
  check(program) {
    let broken: { path: string; message: string } | null = null;
    forEachNode(Ldata, program, (node, path) => {
      if (broken || (node.kind !== "Load" && node.kind !== "Store") || node.index === null) return;
      const field = ["base", "index", "value"].find((f) => f in node && !atomKinds.has((node[f] as { kind: string }).kind));
      if (field) broken = { path: `${path()}.${field}`, message: `the ${field} of an element access must be an atom` };
    });
    return broken;
  },
};

export const elementSizeWithIndex: Invariant = {
  says: "a load or store has an element size exactly when it has an index (an element access)",
  check(program) {
    let broken: { path: string; message: string } | null = null;
    forEachNode(Ldata, program, (node, path) => {
      if (broken || (node.kind !== "Load" && node.kind !== "Store") || (node.index === null) === (node.size === null)) return;
      broken = { path: `${path()}.size`, message: node.index === null ? "a load or store without an index has no element size" : "an element access needs its element size" };
    });
    return broken;
  },
};

export const Ldata = extendIL(Lchannels, {
  name: "Ldata",
  purpose: "data laid out: tuples, records, boxes, arrays, strings and unions are heap objects, read and written at byte offsets",
  terminals: { type: layoutTypeTerminal, refs: refsTerminal, size: sizeTerminal, prim: terminal.oneOf("prim", layoutPrimitives), name: dottedNames },
  remove: ["Record", "Tuple", "Field", "Index", "RecordLit", "FieldInit", "FieldDecl", "SetIndex", "Union", "Ctor", "Construct", "IsCtor", "CtorField"],
  add: {
    Expr: {
      New: "new(<fields:Expr*, >) refs <refs:refs>",
      NewArray: "array(<length:Expr>, <init:Expr>) size <size:size> refs <refs:refs>",
      /** With an index (an element), `size` is the element's: 8 (a word) or 1 (a byte). */
      Load: "*(<base:Expr> + <offset:int>< + |size:size?>< * |index:Expr?>): <type:type>",
    },
    /** With an index (an element), the load and the store first check it against the array's length. */
    Stmt: { Store: "*(<base:Expr> + <offset:int>< + |size:size?>< * |index:Expr?>) = <value:Expr>" },
  },
  invariants: [elementOperandsAreAtoms, elementSizeWithIndex],
  dropInvariants: [everyTypeNamesAnItem.says], // the records are gone: a type is Int, Bool, Ref, ...
});
