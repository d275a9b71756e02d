// What the interpreters add for data (tuples, records, arrays, strings, Box),
// in two sets of handlers that tree.ts and cfg.ts put in their tables:
//
//   sourceData   Lsrc to Lshrunk: data as JavaScript values, no heap. A tuple is
//                { tuple: [...] }, a record { record, fields }, both frozen (they
//                are values); an array { array: [...] } and a box { box: {...} }
//                are shared and changed in place; a string is a JS string.
//   layoutData   Lchecked and below: every object is in the heap model
//                (heap.ts) and a reference is its address, as on the machine.
//                Counts change only by inc and dec (Lrc and below: see cfg.ts).
//   checkedElements  Llayout: the same, but a load or store at an index first
//                checks it against the array's length (insert-index-checks
//                writes that check out for Lchecked).

import { arrayInfo, fieldsInfo, lengthOffset } from "../ir-defs/heap-layout.js";
import { checkArrayLength, concatenated } from "./heap.js";
import { binary as arithmetic } from "../ir-defs/semantics.js";
import { compareBytes, Panic } from "../ir-defs/semantics.js";
import type { RuntimeModel } from "./runtime-model.js";
import { evaluate, evaluateAll, lookup, unit, type Handlers, type Machine, type NodeLike, type Step, type Value } from "./values.js";

const ev = (node: unknown, scope: Parameters<typeof evaluate>[1], m: Machine): Step<Value> => evaluate(node as NodeLike, scope, m);
const data = (v: Value): any => v;

function field(target: Value, name: string): Value {
  const t = data(target);
  if (t?.tuple) return t.tuple[Number(name)];
  if (t?.record) return t.fields[name];
  throw new Error(`.${name} of a value with no fields`);
}

/** `target` with the field at `path` replaced by `value`: records and tuples are values. */
function withField(target: Value, path: readonly string[], value: Value): Value {
  if (path.length === 0) return value;
  const [name, ...rest] = path as [string, ...string[]];
  const t = data(target);
  const inner = withField(field(target, name), rest, value);
  if (t.tuple) return Object.freeze({ tuple: Object.freeze(t.tuple.map((v: Value, i: number) => (String(i) === name ? inner : v))) });
  return Object.freeze({ record: t.record, fields: Object.freeze({ ...t.fields, [name]: inner }) });
}

export function checkIndex(index: bigint, length: number | bigint): void {
  if (index < 0n || index >= BigInt(length)) throw new Panic("index out of bounds");
}

function element(array: Value, index: Value): { items: Value[]; i: number } {
  const items = data(array).array as Value[];
  checkIndex(index as bigint, items.length);
  return { items, i: Number(index) };
}

/** Binary operators, strings included: `+` concatenates, `==` and `!=` compare, `<` ... order (Lsrc only). */
export function binaryOnValues(op: string, a: Value, b: Value): Value {
  if (typeof a === "string" && op !== "+" && op !== "==" && op !== "!=") return arithmetic(op, compareBytes(a, b as string), 0n);
  if (typeof a === "string") return op === "+" ? concatenated(a, b as string) : op === "==" ? a === b : a !== b;
  return arithmetic(op, a as bigint | boolean, b as bigint | boolean);
}

/** The built-ins on data, for Lsrc calls and Ltyped primitives; undefined for any other. */
export function dataPrimitive(op: string, args: readonly Value[], model: RuntimeModel): Value | undefined {
  const [a, b] = args;
  switch (op) {
    case "print_string": model.printString(a as string); return unit;
    case "concat": return concatenated(a as string, b as string);
    case "string_eq": return a === b;
    case "string_cmp": return compareBytes(a as string, b as string);
    case "string_byte": return model.stringByte(a as string, b as bigint);
    case "string_slice": return model.stringSlice(a as string, b as bigint, args[2] as bigint);
    case "write_string": model.writeString(a as string); return unit;
    case "input_line": return model.inputLine();
    case "len": return typeof a === "string" ? BigInt(Buffer.byteLength(a, "utf8")) : BigInt(data(a!).array.length);
    case "array": {
      const n = a as bigint;
      checkArrayLength(n, typeof b === "boolean" ? 1n : 8n); // the same bounds as the heap model's: an array of Bool (only Bools are booleans here) takes a byte an element
      return { array: new Array<Value>(Number(n)).fill(b!) };
    }
    case "box": case "Box": return { box: { value: a! } };
    case "get": return data(a!).box.value;
    case "set": data(a!).box.value = b!; return unit;
  }
  return undefined;
}

/** A record's value (frozen: records are values), its fields evaluated in order. */
export function* recordValue(record: string, inits: readonly { readonly name: string; readonly value: unknown }[], scope: Parameters<typeof evaluate>[1], m: Machine): Step<Value> {
  const fields: Record<string, Value> = {};
  for (const init of inits) fields[init.name] = yield* ev(init.value, scope, m);
  return Object.freeze({ record, fields: Object.freeze(fields) });
}

export const sourceData: Handlers = {
  *Tuple(node, scope, m) {
    return Object.freeze({ tuple: Object.freeze(yield* evaluateAll(node.elems, scope, m)) });
  },
  *RecordLit(node, scope, m) {
    return yield* recordValue(node.name, node.inits, scope, m);
  },
  *Field(node, scope, m) {
    return field(yield* ev(node.target, scope, m), node.field);
  },
  *Index(node, scope, m) {
    const target = yield* ev(node.target, scope, m);
    const { items, i } = element(target, yield* ev(node.index, scope, m));
    return items[i]!;
  },
  *MethodCall(node, scope, m) {
    const target = yield* ev(node.target, scope, m);
    const args = yield* evaluateAll(node.args, scope, m);
    return dataPrimitive(node.method, [target, ...args], m.model)!;
  },
  *SetField(node, scope, m) {
    const cell = lookup(node.name, scope, m);
    const op: string = node.op ?? "="; // (Lassign has only `=`)
    let old: Value | null = null; // `p.x op= v` reads p.x before v, as `x op= v` reads x
    if (op !== "=") {
      old = cell.value;
      for (const f of node.path) old = field(old, f);
    }
    let value = yield* ev(node.value, scope, m);
    if (old !== null) value = binaryOnValues(op.slice(0, -1), old, value);
    cell.value = withField(cell.value, node.path, value);
    return unit;
  },
  *SetIndex(node, scope, m) {
    const array = yield* ev(node.array, scope, m);
    const index = yield* ev(node.index, scope, m);
    const op: string = node.op ?? "=";
    const old = op === "=" ? null : element(array, index); // `a[i] op= v` reads a[i] before v
    let value = yield* ev(node.value, scope, m);
    if (old) value = binaryOnValues(op.slice(0, -1), old.items[old.i]!, value);
    const { items, i } = element(array, index);
    items[i] = value;
    return unit;
  },
};

/** The heap model's address of a string literal (Llayout and below). */
const literal = (m: Machine, text: string): bigint => m.model.heap.literal(text);
/** base + offset (+ size * index: an element of `size` bytes). */
const address = (base: Value, offset: bigint, size: bigint | null, index: Value | null): bigint => (base as bigint) + offset + (size ?? 0n) * ((index as bigint | null) ?? 0n);

/** The primitives on strings in the heap (Llayout and below); undefined for any other. */
export function heapPrimitive(op: string, args: readonly Value[], model: RuntimeModel): Value | undefined {
  const heap = model.heap;
  switch (op) {
    case "print_string": model.printString(heap.text(args[0])); return unit;
    case "concat": return heap.string(concatenated(heap.text(args[0]), heap.text(args[1])));
    case "string_eq": return heap.text(args[0]) === heap.text(args[1]);
    case "string_cmp": return compareBytes(heap.text(args[0]), heap.text(args[1]));
    case "panic": return model.panic(heap.text(args[0]));
    case "string_byte": return model.stringByte(heap.text(args[0]), args[1] as bigint);
    case "string_slice": return heap.string(model.stringSlice(heap.text(args[0]), args[1] as bigint, args[2] as bigint));
    case "write_string": model.writeString(heap.text(args[0])); return unit;
    case "input_line": return heap.string(model.inputLine());
  }
  return undefined;
}

export const layoutData: Handlers = {
  *Str(node, _scope, m) {
    return literal(m, node.value);
  },
  *StaticClosure(node, _scope, m) {
    return m.model.heap.staticClosure(node.code, Object.freeze({ fn: node.code }));
  },
  *New(node, scope, m) {
    const fields = yield* evaluateAll(node.fields, scope, m);
    const object = m.model.heap.alloc(BigInt(16 + 8 * fields.length), fieldsInfo(node.refs));
    fields.forEach((f: Value, i: number) => m.model.heap.store(object + BigInt(16 + 8 * i), f));
    return object;
  },
  *NewArray(node, scope, m) {
    const length = (yield* ev(node.length, scope, m)) as bigint;
    return m.model.heap.allocArray(length, yield* ev(node.init, scope, m), arrayInfo(node.refs, node.size));
  },
  *Load(node, scope, m) {
    const base = yield* ev(node.base, scope, m);
    const index = node.index === null ? null : yield* ev(node.index, scope, m);
    return m.model.heap.load(address(base, node.offset, node.size, index), node.size ?? 8n) as Value;
  },
  *Store(node, scope, m) {
    const base = yield* ev(node.base, scope, m);
    const index = node.index === null ? null : yield* ev(node.index, scope, m);
    m.model.heap.store(address(base, node.offset, node.size, index), yield* ev(node.value, scope, m), node.size ?? 8n);
    return unit;
  },
  *CheckIndex(node, scope, m) {
    const index = (yield* ev(node.index, scope, m)) as bigint;
    checkIndex(index, (yield* ev(node.length, scope, m)) as bigint);
    return unit;
  },
};

/** Llayout's element accesses: the index is checked against the array's length (at lengthOffset) first. */
export const checkedElements: Handlers = {
  *Load(node, scope, m) {
    const base = yield* ev(node.base, scope, m);
    const index = node.index === null ? null : yield* ev(node.index, scope, m);
    if (index !== null) checkIndex(index as bigint, m.model.heap.load(address(base, BigInt(lengthOffset), null, null)) as bigint);
    return m.model.heap.load(address(base, node.offset, node.size, index), node.size ?? 8n) as Value;
  },
  *Store(node, scope, m) {
    const base = yield* ev(node.base, scope, m);
    const index = node.index === null ? null : yield* ev(node.index, scope, m);
    const value = yield* ev(node.value, scope, m);
    if (index !== null) checkIndex(index as bigint, m.model.heap.load(address(base, BigInt(lengthOffset), null, null)) as bigint);
    m.model.heap.store(address(base, node.offset, node.size, index), value, node.size ?? 8n);
    return unit;
  },
};
