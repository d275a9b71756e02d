// Realizing heap data (props/realize.ts is the core): strings, tuples,
// records, arrays and boxes, their expressions and the statements that change
// them. A DataE is read at the type the context wants (see skeleton.ts).
//
// Two rules keep every program small and terminating:
// - Arrays are made by `array(n, init)` with n mostly 2 to 5; an index is
//   mostly a small literal, so most indexing is in bounds and some is not.
// - Strings grow at most linearly: the right operand of `+` reads no variable
//   (only literals) except in main outside loops, where code runs once, and
//   there only a few times per program. So a loop that rebuilds a string adds
//   a literal per turn, and no value is ever made of two big ones.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { parseType } from "../ir-defs/type-syntax.js";
import { indexExpr, observe, placeExpr, places, type Place } from "./places.js";
import type { AssignOp, DataE, Effect, Part, ProjE, SizeSkel, Stmt, StrE } from "./skeleton.js";
import { printable } from "./types.js";
import { kernel } from "./realize-kernels.js";
import { constructUnion, needsType, typed } from "./union-values.js";
import { bin, block, call, exprStmt, int, laterOperand, letStmt, namePool, prefer, str, v, type Context, type Variable, type Walk } from "./walk.js";

const isHeap = (type: string) => !printable(type) && type !== "Unit";
const isArray = (type: string) => type.startsWith("Array[");
const boolAssignOps: readonly AssignOp[] = ["=", "&=", "|=", "^="];

/** A loop over an array's indices, as a `for v in a` skeleton's other form (so that programs meet the
 * passes that drop index checks): `{ let mut i = 0; while i < len(a) && i < 9 { print(a[i]); i += 1; body } }`,
 * from 0, 1 or 2, with the bound (by the skeleton's `type`) `i < len(a)`, `i <= len(a) - 1`, `i < n` with
 * `let n = len(a)` before the loop (the body may give a a new value: n is then stale), or one past the end
 * (a panic, unless the body leaves first): `i <= len(a)`, or `i < len(a)` from 0 with `i += 1` before `a[i]`;
 * or, with the first two bounds and an odd name, a for loop `for i in start..len(a) { print(a[i]); body }`.
 * The body sees no i, so the loop ends. */
function indexWalk(w: Walk, s: Extract<Stmt, { k: "forEach" }>, p: Place, ctx: Context): Lsrc.Stmt[] {
  const [i, n] = [w.fresh("wi"), w.fresh("wn")];
  const array = () => placeExpr(w, p, { k: "at", value: 0 }, ctx);
  const length = () => call("len", array());
  const bound = [bin(v(i), "<", length()), bin(v(i), "<=", bin(length(), "-", int(1n))), bin(v(i), "<", v(n)), bin(v(i), s.name >= 4 ? "<" : "<=", length())][s.type % 4]!;
  const inner: Context = { ...ctx, scope: [...ctx.scope], loops: ctx.loops + 1 };
  // Over an array of Int in a variable, mostly each element first changed by a value that moves every turn
  // (`a[i] += r; r = r * 5 + 1`): the elements then differ, so an access that reaches the wrong one shows.
  const r = w.fresh("wr");
  const elem = w.types.components(p.type)[0]!.type;
  const changing = elem === "Int" && p.root.kind === "Var" && p.path.length === 0 && s.name % 3 !== 2;
  if (changing) w.used.add("index walk changing each element");
  const changes: Lsrc.Stmt[] = changing ? [{ kind: "SetIndex", array: array(), index: v(i), op: "+=", value: v(r) }, { kind: "Assign", name: r, op: "=", value: bin(bin(v(r), "*", int(5n)), "+", int(1n)) }] : [];
  const read = [...changes, ...observe(w, { kind: "Index", target: array(), index: v(i) }, elem)];
  const moving = changing ? [letStmt(r, int(1n), true)] : [];
  if (s.type % 4 < 2 && s.name % 2 === 1) {
    // `for i in start..len(a) { print(a[i]); body }`: i read by the element alone (step-pointers' case).
    w.used.add("index loop over an array");
    return [...moving, { kind: "For", name: i, from: int(BigInt(s.name % 3)), to: length(), body: block(...read, ...w.statements(s.body, inner, true)) }];
  }
  w.used.add(s.type % 4 === 3 ? "index walk one past the end" : "index walk over an array");
  if (s.type % 4 === 3 && elem === "Bool") w.used.add("index walk one past the end of an array of Bool");
  const step: Lsrc.Assign = { kind: "Assign", name: i, op: "+=", value: int(1n) };
  const late = s.type % 4 === 3 && s.name >= 4; // one past the end by the increment's place, not the bound's
  const body = block(...(late ? [step, ...read] : [...read, step]), ...w.statements(s.body, inner, true));
  const lets = [...moving, letStmt(i, int(late ? 0n : BigInt(s.name % 3)), true), ...(s.type % 4 === 2 ? [letStmt(n, length())] : [])];
  return [exprStmt(block(...lets, { kind: "While", cond: bin(bound, "&&", bin(v(i), "<", int(9n))), body }))];
}

function sizeExpr(w: Walk, s: SizeSkel, ctx: Context): Lsrc.Expr {
  if (s.n < 0) w.used.add("array of negative length");
  else if (s.n > 5) w.used.add("big array");
  else if (s.e !== null) {
    w.used.add("array of computed length");
    return bin(bin(w.int(s.e, ctx), "&", int(3n)), "+", int(BigInt(s.n)));
  } else if (s.n === 0) w.used.add("empty array");
  return int(BigInt(s.n));
}

/** A part at a type: itself when its sort fits, else a variable of the type or a default value; after its effect, if any. */
export function partExpr(w: Walk, p: Part | undefined, type: string, ctx: Context, seed: number): Lsrc.Expr {
  if (p === undefined) return w.types.defaultValue(type, seed);
  if (p.effect) return w.sideEffect(p.effect, ctx, "side effect before a value", (c) => partExpr(w, { ...p, effect: null }, type, c, seed));
  if (p.ty === "Data") return dataExpr(w, p.e, type, ctx);
  if (p.ty !== type) return w.variable(ctx, type, seed) ?? w.types.defaultValue(type, seed);
  return p.ty === "Int" ? w.int(p.e, ctx) : p.ty === "Bool" ? w.bool(p.e, ctx) : strExpr(w, p.e, ctx);
}

/** A value of any type. */
export function dataExpr(w: Walk, e: DataE, type: string, ctx: Context): Lsrc.Expr {
  switch (e.k) {
    case "new": return construct(w, e, type, ctx);
    case "proj": return projExpr(w, e, type, ctx) ?? w.variable(ctx, type, e.pick) ?? w.types.defaultValue(type, e.pick);
    case "effect": {
      const targets = ctx.constant ? [] : w.visible(ctx.scope, null, true).filter((x) => x.type === "String" || isHeap(x.type));
      if (targets.length === 0) return dataExpr(w, e.result, type, ctx);
      const x = prefer(ctx, targets, (t) => t.name, e.pick)!;
      w.used.add("heap assignment inside an expression");
      const assign: Lsrc.Assign = { kind: "Assign", name: x.name, op: "=", value: changed(w, x, dataExpr(w, e.value, x.type, ctx), e.pick) };
      return block(assign, exprStmt(x.type === type && e.pick % 2 === 0 ? v(x.name) : dataExpr(w, e.result, type, ctx)));
    }
    default: return w.shared(e, type, ctx, (x, c) => dataExpr(w, x, type, c));
  }
}

/** What a type is, in the names of the constructs: "array", "record", ... */
function shapeOf(w: Walk, type: string): string {
  if (type === "String") return "string";
  if (w.types.recordFields(type) !== null) return "record";
  return parseType(type)?.kind ?? type;
}

/** The constructs of nested types: one kind of value inside another. */
const nestings: Readonly<Record<string, string>> = {
  "Array record": "array of records", "Array Array": "array of arrays", "Array string": "array of strings",
  "record Array": "record holding an array", "record string": "record holding a string", "record tuple": "tuple in a record",
  "record record": "record in a record", "Box record": "Box of a record", "Box Array": "Box of an array",
  "tuple Array": "tuple holding a heap value", "tuple Box": "tuple holding a heap value", "tuple record": "tuple holding a heap value", "tuple tuple": "tuple holding a heap value",
};

/** The parts of `e` at `types[i]` in the order written, each a later operand of the ones before
 * (a tuple's elements, a record literal's fields, a constructor's arguments). */
export function writtenParts(w: Walk, e: DataE & { k: "new" }, types: readonly string[], order: readonly number[], ctx: Context): Lsrc.Expr[] {
  const out: Lsrc.Expr[] = [];
  let c = ctx;
  /** With seed % 3 == 0, a field that is a `let mut` variable is assigned by the next one: `(x, { x = 0; v })`. */
  let reassign: Variable | null = null;
  for (const i of order) {
    out[i] = partExpr(w, e.parts[i], types[i]!, c, e.seed + i);
    if (reassign !== null) {
      w.used.add("assignment to what an earlier operand read");
      out[i] = block({ kind: "Assign", name: reassign.name, op: "=", value: w.types.defaultValue(reassign.type, e.seed) }, exprStmt(out[i]!));
    }
    const x = out[i]!;
    reassign = e.seed % 3 === 0 && reassign === null && x.kind === "Var" ? (w.visible(c.scope, null, true).find((v) => v.name === x.name) ?? null) : null;
    c = laterOperand(c, x);
  }
  return out;
}

function construct(w: Walk, e: DataE & { k: "new" }, type: string, ctx: Context): Lsrc.Expr {
  const part = (i: number, t: string, c = ctx) => partExpr(w, e.parts[i], t, c, e.seed + i);
  const written = (types: readonly string[], order: readonly number[]) => writtenParts(w, e, types, order, ctx);
  if (ctx.constant || !isHeap(type)) return part(0, type);
  // Unions, and the type parameters of a generic function (props/realize-unions.ts).
  const other = w.types.unions === null ? null : constructUnion(w, e, type, ctx, writtenParts);
  if (other !== null) return other;
  const t = parseType(type)!;
  for (const c of w.types.components(type)) {
    const nested = nestings[`${shapeOf(w, type)} ${shapeOf(w, c.type)}`];
    if (nested) w.used.add(nested);
  }
  const elem = w.types.components(type)[0]?.type ?? "Int";
  if (t.kind === "tuple") {
    w.used.add(t.elems.length === 2 ? "tuple of 2" : "tuple of 3");
    const types = w.types.components(type).map((c) => c.type);
    return { kind: "Tuple", elems: written(types, types.map((_, i) => i)) };
  }
  if (t.kind === "Array") {
    w.used.add("array(n, init)");
    if (elem === "Bool") w.used.add(e.size.n === 0 || e.size.n > 5 ? "empty or big array of Bool" : "array of Bool"); // an array of bytes (spec/heap.md)
    const size = sizeExpr(w, e.size, ctx);
    if (size.kind === "Int" || e.size.n % 2 === 0) return call("array", size, part(0, elem, laterOperand(ctx, size)));
    // The length in a variable that the initial value may change: `{ let mut len3 = ...; array(len3, { len3 = 9; x }) }`.
    w.used.add("array of a variable's length");
    const n = w.fresh("len");
    const inner: Context = { ...ctx, scope: [...ctx.scope, { name: n, type: "Int", mutable: true }] };
    return block(letStmt(n, size, true), exprStmt(call("array", v(n), part(0, elem, laterOperand(inner, v(n))))));
  }
  if (t.kind === "Box") {
    w.used.add("Box(v)");
    return call("Box", part(0, elem));
  }
  // A record literal, its fields sometimes in another order than declared (they are evaluated as written).
  const fields = w.types.recordFields(type)!;
  const r = e.seed % fields.length;
  w.used.add(r === 0 ? "record literal" : "record literal out of order");
  const order = fields.map((_, i) => (i + r) % fields.length);
  const values = written(fields.map((f) => f.type), order);
  const name = w.types.unions?.recordName(type) ?? type;
  if (name !== type) w.used.add("generic record literal");
  return { kind: "RecordLit", name, inits: order.map((i): Lsrc.FieldInit => ({ kind: "FieldInit", name: fields[i]!.name, value: values[i]! })) };
}

/** A value of the type read out of a variable or a call's result, or null when none holds one. */
export function projExpr(w: Walk, e: ProjE, type: string, ctx: Context): Lsrc.Expr | null {
  const found = places(w, ctx, (t, n) => t === type && n > 0, e.pick % 4 === 3);
  return found.length === 0 ? null : placeExpr(w, found[e.pick % found.length]!, e.index, ctx, e.effect);
}

/** A String. `tame`: reads no variable (so the value is a few literals). */
export function strExpr(w: Walk, e: StrE, ctx: Context, tame = false): Lsrc.Expr {
  switch (e.k) {
    case "lit": return stringLiteral(w, e.value);
    case "concat": {
      w.used.add("string +");
      const left = strExpr(w, e.left, ctx, tame);
      const wide = !tame && ctx.main && ctx.loops === 0 && w.wideConcats < 3;
      if (wide) w.wideConcats++;
      return bin(left, "+", strExpr(w, e.right, ctx, !wide));
    }
    case "slice":
      if (ctx.constant) return strExpr(w, e.text, ctx, tame); // (a const's value calls nothing)
      w.used.add("string_slice");
      return call("string_slice", strExpr(w, e.text, ctx, tame), int(BigInt(e.from)), int(BigInt(e.from + e.length)));
    case "line":
      if (tame || ctx.constant) return w.types.defaultValue("String", 0);
      w.used.add("input_line");
      return call("input_line");
    case "proj":
      if (tame) return w.types.defaultValue("String", e.pick);
      return projExpr(w, e, "String", ctx) ?? w.variable(ctx, "String", e.pick) ?? w.types.defaultValue("String", e.pick);
    case "var": case "call": case "try": case "prelude": case "generic":
      if (tame) return w.types.defaultValue("String", "pick" in e ? e.pick : 0);
  }
  return w.shared(e, "String", ctx, (x, c) => strExpr(w, x, c, tame));
}

function stringLiteral(w: Walk, value: string): Lsrc.Expr {
  w.used.add("string literal");
  if (/[\n\t\r"\\\0]/.test(value)) w.used.add("string escape");
  if (/[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(value)) w.used.add("string \\u{..} escape");
  if (/[^\x00-\x7f]/.test(value)) w.used.add("string non-ASCII");
  return str(value);
}

/** `len(a)` of an array or a string in scope, or of a String expression. */
export function lenExpr(w: Walk, e: { pick: number; text: StrE; effect: Effect }, ctx: Context): Lsrc.Expr {
  const found = places(w, ctx, (t) => t === "String" || isArray(t));
  const i = e.pick % (found.length + 1);
  const p = found[i];
  w.used.add(p === undefined || p.type === "String" ? "len String" : "len Array");
  return call("len", p === undefined ? strExpr(w, e.text, ctx) : placeExpr(w, p, { k: "at", value: 0 }, ctx, e.effect));
}

/** The variable a place starts from, if it starts from one. */
const rootName = (p: Place): string | null => (p.root.kind === "Var" ? p.root.name : null);

/** `b.set(v)` on a box in scope (mostly one an earlier operand read); `()` when there is none. */
export function boxSetExpr(w: Walk, e: { pick: number; value: Part; effect: Effect }, ctx: Context): Lsrc.Expr {
  const p = prefer(ctx, places(w, ctx, (t) => t.startsWith("Box[")), rootName, e.pick);
  if (p === undefined) return { kind: "Unit" };
  w.used.add("Box set");
  const elem = w.types.components(p.type)[0]!.type;
  // The effect, if any, runs first in the box or in the value, as pick says.
  const target = placeExpr(w, p, { k: "at", value: 0 }, ctx, e.pick % 2 === 0 ? e.effect : null);
  const value = e.pick % 2 === 0 ? e.value : { ...e.value, effect: e.effect };
  return { kind: "MethodCall", target, method: "set", args: [partExpr(w, value, elem, laterOperand(ctx, target), e.pick)] };
}

/** An update's operator and value for a target of type `type` (compound operators on Int and Bool only). */
function update(w: Walk, op: AssignOp, value: Part, type: string, ctx: Context, seed: number): { op: AssignOp; value: Lsrc.Expr } {
  const e = partExpr(w, value, type, ctx, seed);
  const chosen = type === "Int" ? op : type === "Bool" && boolAssignOps.includes(op) ? op : "=";
  // Mostly a divisor that is never zero (as for plain assignments).
  const safe = (chosen === "/=" || chosen === "%=") && seed % 3 !== 0;
  return { op: chosen, value: safe ? bin(e, "|", int(1n)) : e };
}

/** An assignment given a variable that an earlier operand read, of any type, rather than
 * one of the skeleton's type, so that the operand it is in changes what came before it
 * (`a[i] = { i = 2; 7 }`, `a[{ a = b; 0 }]`); with `anyType`, when there is none, any
 * `let mut` variable. Null when there is none (now and then as if there were none). */
export function assignEarlier(w: Walk, s: Stmt & { k: "assign" }, ctx: Context, anyType = false): Lsrc.Assign | null {
  const mutable = w.visible(ctx.scope, null, true).filter((x) => x.type !== "Unit");
  const read = s.pick % 4 === 3 ? [] : mutable.filter((x) => ctx.earlier.includes(x.name));
  const targets = read.length > 0 ? read : anyType ? mutable : [];
  if (targets.length === 0) return null;
  const x = targets[s.pick % targets.length]!;
  const part: Part = s.ty === "Data" ? { ty: "Data", e: s.value } : s.ty === "String" ? { ty: "String", e: s.value } : s.ty === "Int" ? { ty: "Int", e: s.value } : { ty: "Bool", e: s.value };
  if (read.length > 0) w.used.add("assignment to what an earlier operand read");
  const { op, value } = update(w, s.ty === "Int" || s.ty === "Bool" ? s.op : "=", part, x.type, ctx, s.pick);
  return { kind: "Assign", name: x.name, op, value: op === "=" ? changed(w, x, value, s.pick) : value };
}

/** The value of `x = value`, but a default value of x's type instead of x itself, which would change nothing. */
const changed = (w: Walk, x: Variable, value: Lsrc.Expr, seed: number): Lsrc.Expr =>
  value.kind === "Var" && value.name === x.name ? w.types.defaultValue(x.type, seed) : value;

/** When a statement finds nothing to change: `let mut` a variable of the type instead, for the statements after it. */
function declare(w: Walk, ctx: Context, pick: number, type: string, init: Lsrc.Expr): Lsrc.Stmt[] {
  const name = namePool[pick % namePool.length]!;
  ctx.scope.push({ name, type, mutable: true });
  w.used.add("let mut");
  return [letStmt(name, init, true, needsType(w, init) ? type : null)];
}

/** The palette's type number `pick`, or the first after it that `accept`s, or null. */
function paletteType(w: Walk, pick: number, accept: (type: string) => boolean): string | null {
  const list = w.types.palette;
  for (let i = 0; i < list.length; i++) {
    const t = list[(pick + i) % list.length]!.canon;
    if (accept(t)) return t;
  }
  return null;
}

const partAt = (w: Walk, p: Part, type: string, ctx: Context, seed: number) => (p.ty === "Data" ? dataExpr(w, p.e, type, ctx) : w.types.defaultValue(type, seed));

/** The data statements of Stmt; the others are realize.ts's. Each adds what it declares to ctx.scope. */
export function dataStatement(w: Walk, s: Stmt, ctx: Context): Lsrc.Stmt[] {
  switch (s.k) {
    case "assign": {
      if (s.ty === "Int" || s.ty === "Bool") throw new Error("scalar assignments are realize.ts's");
      const targets = w.visible(ctx.scope, null, true).filter((x) => (s.ty === "String" ? x.type === "String" : isHeap(x.type)));
      if (targets.length === 0) {
        if (s.ty === "String") return declare(w, ctx, s.pick, "String", strExpr(w, s.value, ctx));
        const type = paletteType(w, s.pick, isHeap);
        return type === null ? [] : declare(w, ctx, s.pick, type, dataExpr(w, s.value, type, ctx));
      }
      const x = prefer(ctx, targets, (t) => t.name, s.pick)!;
      if (s.ty === "Data") {
        w.used.add("assign heap variable");
        return [{ kind: "Assign", name: x.name, op: "=", value: dataExpr(w, s.value, x.type, ctx) }];
      }
      w.used.add("assign String");
      if (s.append % 3 === 0) return [{ kind: "Assign", name: x.name, op: "=", value: strExpr(w, s.value, ctx) }];
      const wide = ctx.main && ctx.loops === 0 && w.wideConcats < 3;
      if (wide) w.wideConcats++;
      const value = strExpr(w, s.value, ctx, !wide);
      return [{ kind: "Assign", name: x.name, op: "=", value: s.append % 3 === 1 ? bin(v(x.name), "+", value) : bin(value, "+", v(x.name)) }];
    }
    case "setField": {
      // Paths through fields only, from a `let mut` record or tuple variable.
      const found: { name: string; path: string[]; type: string }[] = [];
      const walk = (name: string, path: string[], type: string) => {
        if (path.length > 0) found.push({ name, path, type });
        if (path.length < 3) for (const c of w.types.components(type)) if (c.step === "field") walk(name, [...path, c.field], c.type);
      };
      for (const x of w.visible(ctx.scope, null, true)) walk(x.name, [], x.type);
      if (found.length === 0) {
        const type = paletteType(w, s.pick, (t) => w.types.components(t)[0]?.step === "field");
        return type === null ? [] : declare(w, ctx, s.pick, type, partAt(w, s.value, type, ctx, s.pick));
      }
      const target = prefer(ctx, found, (f) => f.name, s.pick)!;
      // `p.x op= v` reads p.x first.
      const updated = update(w, s.op, s.value, target.type, s.op === "=" ? ctx : laterOperand(ctx, v(target.name)), s.pick);
      const { op } = updated;
      let value = updated.value;
      if (s.reassign === 0) {
        // The value is evaluated before the variable is read for the update.
        w.used.add("field update whose value reassigns the variable");
        const type = w.visible(ctx.scope, null, true).find((x) => x.name === target.name)!.type;
        value = block({ kind: "Assign", name: target.name, op: "=", value: w.types.defaultValue(type, s.pick + 1) }, exprStmt(value));
      }
      w.used.add(target.path.length > 1 ? "nested field update" : "field update");
      if (op !== "=") w.used.add("compound field update");
      if (target.path.some((f) => /^\d+$/.test(f))) w.used.add("tuple field update");
      return [{ kind: "SetField", name: target.name, path: target.path, op, value }];
    }
    case "setIndex": {
      const found = places(w, ctx, isArray);
      if (found.length === 0) {
        const type = paletteType(w, s.pick, isArray) ?? `Array[${w.types.palette[s.pick % w.types.palette.length]!.canon}]`;
        return declare(w, ctx, s.pick, type, partAt(w, s.value, type, ctx, s.pick));
      }
      const p = prefer(ctx, found, rootName, s.pick)!;
      // The effect, if any, runs first in the array, the index or the value, as pick says.
      const slot = s.effect === null ? -1 : Math.floor(s.pick / 3);
      const array = placeExpr(w, p, { k: "at", value: 0 }, ctx, slot === 0 ? s.effect : null);
      const afterArray = laterOperand(ctx, array);
      const index = slot === 1 ? w.sideEffect(s.effect!, afterArray, "side effect before a value", (c) => indexExpr(w, s.index, c)) : indexExpr(w, s.index, afterArray);
      const part = slot === 2 ? { ...s.value, effect: s.effect } : s.value;
      const { op, value } = update(w, s.op, part, w.types.components(p.type)[0]!.type, laterOperand(ctx, array, index), s.pick);
      w.used.add(op === "=" ? "array element assign" : "compound array element assign");
      if (w.types.components(p.type)[0]!.type === "Bool") w.used.add("Bool element assign");
      if (s.reassign !== 0) return [{ kind: "SetIndex", array, index, op, value }];
      // The value first gives the array or the index (kept in a `let mut`) a new value, `a[0] = { a = array(...); v }`,
      // `a[i] = { i ^= 1; v }`: the element stored is still the one that a and i named before.
      const root = p.root.kind === "Var" && p.path.length === 0 ? w.visible(ctx.scope, null, true).find((x) => x.name === rootName(p)) : undefined;
      const first = (name: string, change: Lsrc.Expr, assignOp: AssignOp = "="): Lsrc.Expr => block({ kind: "Assign", name, op: assignOp, value: change }, exprStmt(value));
      if (root !== undefined && s.pick % 2 === 1) {
        w.used.add("array element assign whose value reassigns the array");
        return [{ kind: "SetIndex", array, index, op, value: first(root.name, w.types.defaultValue(root.type, s.pick)) }];
      }
      w.used.add("array element assign whose value reassigns the index");
      const i = w.fresh("ix");
      ctx.scope.push({ name: i, type: "Int", mutable: true });
      return [letStmt(i, index, true), { kind: "SetIndex", array, index: v(i), op, value: first(i, int(1n), "^=") }];
    }
    case "forEach": {
      const found = places(w, ctx, isArray);
      let iter: Lsrc.Expr;
      let type: string;
      if (found.length > 0 && s.pick % 4 === 2) return indexWalk(w, s, found[s.pick % found.length]!, ctx);
      if (found.length > 0 && s.pick % 4 < 2) {
        const p = found[s.pick % found.length]!;
        [iter, type] = [placeExpr(w, p, { k: "at", value: 0 }, ctx), p.type];
        w.used.add("for each over an array in scope");
      } else {
        type = `Array[${w.types.palette[s.type % w.types.palette.length]!.canon}]`;
        iter = typed(w, dataExpr(w, s.iter, type, ctx), type);
        if (s.pick % 2 === 1) {
          // Over an array in a new variable: `{ let wa = array(...); <the index walk> }`.
          const array = w.fresh("wa");
          const walk = indexWalk(w, s, { root: v(array), path: [], type }, { ...ctx, scope: [...ctx.scope, { name: array, type, mutable: false }] });
          return [exprStmt(block(letStmt(array, iter), ...walk))];
        }
        w.used.add("for each over a new array");
      }
      const name = namePool[s.name % namePool.length]!;
      const inner: Context = { ...ctx, scope: [...ctx.scope, { name, type: w.types.components(type)[0]!.type, mutable: false }], loops: ctx.loops + 1 };
      return [{ kind: "ForEach", name, iter, body: block(...w.statements(s.body, inner, true)) }];
    }
    case "alias": return alias(w, s, ctx);
    case "kernel": return kernel(w, s, ctx);
    case "build": {
      const name = namePool[s.name % namePool.length]!;
      const init = strExpr(w, s.init, ctx);
      ctx.scope.push({ name, type: "String", mutable: true });
      const arrays = places(w, ctx, isArray);
      const grow: Lsrc.Stmt = { kind: "Assign", name, op: "=", value: bin(v(name), "+", strExpr(w, s.piece, ctx, true)) };
      const inner = (x: { name: string; type: string } | null): Lsrc.Block => {
        const scope = x === null ? [...ctx.scope] : [...ctx.scope, { ...x, mutable: false }];
        return block(grow, ...w.statements(s.body, { ...ctx, scope, loops: ctx.loops + 1 }, true));
      };
      w.used.add("string rebuilt in a loop");
      let loop: Lsrc.Stmt;
      if (arrays.length > 0 && s.pick % 3 !== 2) {
        const p = arrays[s.pick % arrays.length]!;
        const e = w.fresh("e");
        loop = { kind: "ForEach", name: e, iter: placeExpr(w, p, { k: "at", value: 0 }, ctx), body: inner({ name: e, type: w.types.components(p.type)[0]!.type }) };
      } else {
        const i = w.fresh("i");
        loop = { kind: "For", name: i, from: int(0n), to: int(3n), body: inner({ name: i, type: "Int" }) };
      }
      w.used.add("let mut");
      return [letStmt(name, init, true), loop];
    }
    default: throw new Error(`not a data statement: ${s.k}`);
  }
}

/** `let mut y = x`, a write through y, and x printed: shared for arrays and boxes, copied for records and tuples. */
function alias(w: Walk, s: Stmt & { k: "alias" }, ctx: Context): Lsrc.Stmt[] {
  // (A union's value, or a type parameter's, has no parts to write through.)
  const candidates = w.visible(ctx.scope, null, false).filter((x) => isHeap(x.type) && w.types.components(x.type).length > 0);
  if (s.pick % 4 === 1) {
    // A Box made just before with a literal, set through an alias, then read: `let bx = Box(0); let al = bx; al.set(v); print(bx.get())`.
    w.used.add("alias a Box made with a literal");
    const [b, al, elem] = [w.fresh("bx"), w.fresh("al"), s.pick % 8 === 1 ? "Int" : "Bool"];
    ctx.scope.push({ name: b, type: `Box[${elem}]`, mutable: false }, { name: al, type: `Box[${elem}]`, mutable: false });
    const set = exprStmt({ kind: "MethodCall", target: v(al), method: "set", args: [partExpr(w, s.value, elem, ctx, s.pick)] });
    return [letStmt(b, call("Box", w.types.defaultValue(elem, s.pick))), letStmt(al, v(b)), set, ...observe(w, v(b), `Box[${elem}]`)];
  }
  if (candidates.length === 0) {
    const type = paletteType(w, s.pick, isHeap) ?? `Box[${w.types.palette[s.pick % w.types.palette.length]!.canon}]`;
    return declare(w, ctx, s.pick, type, partAt(w, s.value, type, ctx, s.pick));
  }
  const x = candidates[s.pick % candidates.length]!;
  const y = w.fresh("al");
  const c = w.types.components(x.type);
  const first = c[s.pick % c.length]!;
  const value = partExpr(w, s.value, first.type, ctx, s.pick);
  const out: Lsrc.Stmt[] = [letStmt(y, v(x.name), first.step === "field")];
  ctx.scope.push({ name: y, type: x.type, mutable: first.step === "field" });
  if (first.step === "index") {
    w.used.add("alias an array");
    const i = w.fresh("ix");
    out.push(letStmt(i, indexExpr(w, s.index, ctx)), { kind: "SetIndex", array: v(y), index: v(i), op: "=", value });
    ctx.scope.push({ name: i, type: "Int", mutable: false });
    return [...out, ...observe(w, { kind: "Index", target: v(x.name), index: v(i) }, first.type)];
  }
  if (first.step === "get") {
    w.used.add("alias a Box");
    out.push(exprStmt({ kind: "MethodCall", target: v(y), method: "set", args: [value] }));
  } else {
    w.used.add("copy a record or tuple, then change the copy");
    out.push({ kind: "SetField", name: y, path: [first.field], op: "=", value });
  }
  return [...out, ...observe(w, v(x.name), x.type)];
}
