// Kernels over records (props/realize-kernels.ts gives them the variant
// `other` of the shapes that have none of their own): loops over values that
// nest, of the kind lower-data-layout, insert-refcounts and forward-fields
// work on, which the rest of the generator writes seldom (in 700 programs of
// the quick run: no record in a record, one Box of a record, one or two
// fields of a call's result). Each declares the records it uses (Walk.items:
// KVec, KCell, KGrid, KTag) and prints what it computed:
//
//   0. a Box of a record holding a String, replaced each turn by one made
//      from the old one (`kt.set(KTag { name: old.name + "x", n: old.n + i })`)
//   2. an array of records holding a record, each copied out, updated
//      through a path (`c.v.x = ...`) and stored back; then read in a
//      `for c in a`, and a field of a call's result (`kcell(x).v.y`)
//   3. a Box of a record holding an array, written through the box
//      (`kb.get().cells[i] += ...`), copied out, and a new record set in the
//      box sharing the same array
//   5. an array made of one array n times (`array(n, row)`: every element is
//      the same array), written through one element and read through all
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { bin, block, call, exprStmt, forRange, int, letStmt, print, str, v, type Walk } from "./walk.js";

/** The record kernels' names, for the coverage count (props/constructs.ts). */
export const recordKernelConstructs = [
  "kernel: Box of a record holding a String", "kernel: array of records holding a record", "kernel: Box of a record holding an array", "kernel: an array of one shared array",
] as const;

const fieldDecl = (name: string, type: string): Lsrc.FieldDecl => ({ kind: "FieldDecl", name, type });
const record = (name: string, ...fields: [string, string][]): Lsrc.Record => ({ kind: "Record", name, fields: fields.map(([f, t]) => fieldDecl(f, t)) });
const lit = (name: string, ...inits: [string, Lsrc.Expr][]): Lsrc.RecordLit => ({ kind: "RecordLit", name, inits: inits.map(([f, value]) => ({ kind: "FieldInit", name: f, value })) });
const field = (target: Lsrc.Expr, ...path: string[]): Lsrc.Expr => path.reduce<Lsrc.Expr>((t, f) => ({ kind: "Field", target: t, field: f }), target);
const get = (box: string): Lsrc.Expr => ({ kind: "MethodCall", target: v(box), method: "get", args: [] });
const set = (box: string, value: Lsrc.Expr): Lsrc.Stmt => exprStmt({ kind: "MethodCall", target: v(box), method: "set", args: [value] });
const at = (array: Lsrc.Expr, index: Lsrc.Expr): Lsrc.Index => ({ kind: "Index", target: array, index });
const len = (e: Lsrc.Expr): Lsrc.Expr => call("len", e);

const kvec = record("KVec", ["x", "Int"], ["y", "Int"]);
const kcellRecord = record("KCell", ["v", "KVec"], ["w", "Int"], ["tag", "Bool"]);
/** `fn kcell(x: Int) -> KCell`: a record whose field's field the kernel reads off the call. */
const kcellFn: Lsrc.Fn = {
  kind: "Fn", name: "kcell", params: [{ kind: "Param", name: "x", type: "Int" }], ret: "KCell",
  body: block(exprStmt(lit("KCell", ["v", lit("KVec", ["x", v("x")], ["y", bin(v("x"), "+", int(1n))])], ["w", int(2n)], ["tag", { kind: "Bool", value: true }]))),
};

/** The record kernel of `shape` (0, 2, 3 or 5) on seed `x` and length `n`, as statements; its records go into w.items. */
export function recordKernel(w: Walk, shape: number, x: string, n: string): Lsrc.Stmt[] {
  const [a, b, c, i, sum] = ["ka", "kb", "kc", "ki", "ks"].map((name) => w.fresh(name)) as [string, string, string, string, string];
  const declare = (...items: (Lsrc.Fn | Lsrc.Record)[]) => items.forEach((item) => w.items.set(`${item.kind} ${item.name}`, item));
  const used = (k: number, ...constructs: string[]) => [recordKernelConstructs[k]!, ...constructs].forEach((name) => w.used.add(name));
  switch (shape) {
    case 0:
      declare(record("KTag", ["name", "String"], ["n", "Int"]));
      used(0, "Box of a record", "record holding a string");
      return [
        letStmt(b, call("Box", lit("KTag", ["name", str("k")], ["n", v(x)]))),
        forRange(i, int(0n), v(n), letStmt(c, get(b)), set(b, lit("KTag", ["name", bin(field(v(c), "name"), "+", str("x"))], ["n", bin(field(v(c), "n"), "+", v(i))]))),
        print(field(get(b), "name")),
        print(field(get(b), "n")),
      ];
    case 2: {
      declare(kvec, kcellRecord, kcellFn);
      used(1, "array of records", "record in a record", "field of a call's result");
      const setField = (path: string[], op: Lsrc.SetField["op"], value: Lsrc.Expr): Lsrc.SetField => ({ kind: "SetField", name: c, path, op, value });
      const tagged: Lsrc.Expr = { kind: "If", cond: field(v(c), "tag"), then: block(exprStmt(bin(field(v(c), "v", "x"), "*", field(v(c), "w")))), else: block(exprStmt({ kind: "Unary", op: "-", arg: field(v(c), "v", "y") })) };
      return [
        letStmt(a, call("array", v(n), lit("KCell", ["v", lit("KVec", ["x", v(x)], ["y", int(1n)])], ["w", int(0n)], ["tag", { kind: "Bool", value: false }]))),
        forRange(i, int(0n), len(v(a)),
          letStmt(c, at(v(a), v(i)), true),
          setField(["v", "x"], "=", bin(bin(field(v(c), "v", "x"), "*", v(i)), "+", v(x))),
          setField(["w"], "+=", bin(v(i), "-", v(x))),
          setField(["tag"], "=", bin(bin(v(i), "&", int(1n)), "==", int(0n))),
          { kind: "SetIndex", array: v(a), index: v(i), op: "=", value: v(c) }),
        letStmt(sum, field(call("kcell", v(x)), "v", "y"), true),
        { kind: "ForEach", name: c, iter: v(a), body: block({ kind: "Assign", name: sum, op: "+=", value: tagged }) },
        print(v(sum)),
      ];
    }
    case 3: {
      declare(record("KGrid", ["cells", "Array[Int]"], ["w", "Int"]));
      used(2, "Box of a record", "record holding an array");
      const cells = field(get(b), "cells");
      return [
        letStmt(b, call("Box", lit("KGrid", ["cells", call("array", bin(v(n), "*", int(2n)), v(x))], ["w", int(2n)]))),
        forRange(i, int(0n), len(cells), { kind: "SetIndex", array: cells, index: v(i), op: "+=", value: bin(v(i), "*", field(get(b), "w")) }),
        letStmt(c, get(b), true),
        { kind: "SetField", name: c, path: ["w"], op: "=", value: int(9n) },
        set(b, lit("KGrid", ["cells", field(v(c), "cells")], ["w", bin(field(get(b), "w"), "+", int(1n))])),
        print(field(get(b), "w")),
        letStmt(sum, int(0n), true),
        { kind: "ForEach", name: i, iter: field(v(c), "cells"), body: block({ kind: "Assign", name: sum, op: "=", value: bin(bin(v(sum), "*", int(3n)), "+", v(i)) }) },
        print(v(sum)),
      ];
    }
    default:
      used(3, "array of arrays");
      return [
        letStmt(b, call("array", int(2n), v(x))),
        letStmt(a, call("array", v(n), v(b))),
        forRange(i, int(0n), len(v(a)), { kind: "SetIndex", array: at(v(a), v(i)), index: bin(v(i), "&", int(1n)), op: "+=", value: v(i) }),
        letStmt(sum, int(0n), true),
        { kind: "ForEach", name: c, iter: v(a), body: block({ kind: "Assign", name: sum, op: "+=", value: bin(at(v(c), int(0n)), "-", at(v(c), int(1n))) }) },
        print(v(sum)),
        print(at(v(b), int(1n))),
      ];
  }
}
