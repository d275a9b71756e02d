// The typing rules of data (part of check-types): type aliases and records,
// tuples, fields, arrays, strings and boxes. spec/language.md states the same
// rules. Types are texts (ir-defs/type-syntax.ts); once resolved, no alias is
// left in them, so two types are equal when their texts are.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import { baseTypes, elementType, parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import { expectType, lookup, tailLoc, type Checker, type Records } from "./checker.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { typeLocOf } from "./parser.js";
import type { Loc } from "../il/node.js";
import { binaryTyping, show, type Type } from "./types.js";
import { maxFields } from "../ir-defs/heap-layout.js";


/** The program's type aliases and records, checked. */
export function checkRecords(items: readonly Lsrc.Item[], sink: DiagnosticSink): Records {
  const aliases = new Map<string, Lsrc.TypeAlias>();
  const records = new Map<string, Lsrc.Record>();
  for (const item of items) {
    if (item.kind !== "TypeAlias" && item.kind !== "Record") continue;
    if (baseTypes.has(item.name) || item.name === "Array" || item.name === "Box") sink.report(item.loc, `\`${item.name}\` is a built-in type: choose another name`);
    else if (item.kind === "TypeAlias") aliases.set(item.name, item);
    else records.set(item.name, item);
  }
  const expanded = new Map<string, TypeTree | null>(); // null while being expanded: a cycle
  const expand = (t: TypeTree, loc: Loc | undefined): TypeTree | null => {
    switch (t.kind) {
      case "name": {
        if (baseTypes.has(t.name) || records.has(t.name)) return t;
        const alias = aliases.get(t.name);
        if (!alias) {
          sink.report(loc, `unknown type \`${t.name}\` (the types are Int, Bool, Unit, String, records, aliases, tuples, Array[T], Box[T] and fn(...) -> ...)`);
          return null;
        }
        if (expanded.has(t.name)) {
          const done = expanded.get(t.name)!;
          if (done === null) sink.report(alias.loc, `the type alias \`${t.name}\` refers to itself (use a record to make a recursive type)`);
          return done;
        }
        expanded.set(t.name, null);
        const result = expand(parseType(alias.type)!, typeLocOf(alias) ?? alias.loc);
        expanded.set(t.name, result);
        return result;
      }
      case "tuple": {
        const elems = t.elems.map((e) => expand(e, loc));
        return elems.every((e) => e !== null) ? { kind: "tuple", elems: elems as TypeTree[] } : null;
      }
      case "Array": case "Box": {
        const elem = expand(t.elem, loc);
        return elem && { kind: t.kind, elem };
      }
      case "fn": {
        const params = t.params.map((p) => expand(p, loc));
        const ret = expand(t.ret, loc);
        return ret && params.every((p) => p !== null) ? { kind: "fn", params: params as TypeTree[], ret } : null;
      }
    }
  };
  const resolve = (type: string, loc: Loc | undefined): Type => {
    const tree = parseType(type);
    const done = tree && expand(tree, loc);
    return done ? showType(done) : "Error";
  };
  for (const alias of aliases.values()) resolve(alias.name, alias.loc);
  const fields = new Map<string, { name: string; type: Type }[]>();
  for (const record of records.values()) {
    const seen = new Set<string>();
    for (const f of record.fields) {
      if (seen.has(f.name)) sink.report(f.loc, `\`${record.name}\` has a field \`${f.name}\` twice`);
      seen.add(f.name);
    }
    if (record.fields.length > maxFields) sink.report(record.loc, `\`${record.name}\` has ${record.fields.length} fields: at most ${maxFields} are supported`);
    fields.set(record.name, record.fields.map((f) => ({ name: f.name, type: resolve(f.type, typeLocOf(f) ?? f.loc) })));
  }
  return { fields, resolve };
}

const silent = (t: Type) => t === "Never" || t === "Error";

/** The type of field `field` of a value of type `type`, or null after reporting why there is none. */
function fieldType(c: Checker, type: Type, field: string, loc: Loc | undefined): Type | null {
  if (silent(type)) return null;
  const t = parseType(type);
  if (t?.kind === "tuple") {
    const i = /^[0-9]+$/.test(field) ? Number(field) : -1;
    if (i >= 0 && i < t.elems.length) return showType(t.elems[i]!);
    c.sink.report(loc, i < 0 ? `a tuple's fields are numbered: \`.0\` to \`.${t.elems.length - 1}\`` : `the tuple ${type} has no field ${field} (its fields are .0 to .${t.elems.length - 1})`);
    return null;
  }
  const fields = t?.kind === "name" ? c.records.fields.get(t.name) : undefined;
  if (fields) {
    const f = fields.find((x) => x.name === field);
    if (f) return f.type;
    c.sink.report(loc, `\`${type}\` has no field \`${field}\` (its fields: ${fields.map((x) => x.name).join(", ") || "none"})`);
    return null;
  }
  c.sink.report(loc, `${show(type)} has no fields: only records and tuples do`);
  return null;
}

export function checkTuple(c: Checker, e: Lsrc.Tuple): { node: Ltyped.Tuple; type: Type } {
  const elems = e.elems.map((x) => c.checkExpr(c, x));
  if (elems.length > maxFields) c.sink.report(e.loc, `a tuple of ${elems.length} elements: at most ${maxFields} are supported`);
  const types = elems.map((x) => x.type);
  const type = types.includes("Error") ? "Error" : types.includes("Never") ? "Never" : `(${types.join(", ")})`;
  return { node: { ...e, elems: elems.map((x) => x.node) }, type };
}

export function checkField(c: Checker, e: Lsrc.Field): { node: Ltyped.Field; type: Type } {
  const target = c.checkExpr(c, e.target);
  return { node: { ...e, target: target.node }, type: fieldType(c, target.type, e.field, e.loc) ?? "Error" };
}

/** `a[i]`: a is an Array[T], i an Int; the element is a T. */
export function checkIndex(c: Checker, e: Lsrc.Index): { node: Ltyped.Index; type: Type } {
  const target = c.checkExpr(c, e.target);
  const index = c.checkExpr(c, e.index);
  expectType(c, index.type, "Int", e.index.loc);
  const elem = elementType(target.type, "Array");
  if (elem === null && !silent(target.type)) c.sink.report(e.target.loc, `only an Array can be indexed, found ${show(target.type)}`);
  return { node: { ...e, target: target.node, index: index.node }, type: elem ?? "Error" };
}

/** `Point { x: 1, y: 2 }`: every field of the record once, each of its type. */
export function checkRecordLit(c: Checker, e: Lsrc.RecordLit): { node: Ltyped.RecordLit; type: Type } {
  const fields = c.records.fields.get(e.name);
  const inits = e.inits.map((init) => ({ ...init, checked: c.checkExpr(c, init.value) }));
  const node: Ltyped.RecordLit = { ...e, inits: inits.map(({ checked, ...init }) => ({ ...init, value: checked.node })) };
  if (!fields) {
    c.sink.report(e.loc, `unknown record \`${e.name}\``);
    return { node, type: "Error" };
  }
  const given = new Set<string>();
  for (const init of inits) {
    const f = fields.find((x) => x.name === init.name);
    if (!f) c.sink.report(init.loc, `\`${e.name}\` has no field \`${init.name}\` (its fields: ${fields.map((x) => x.name).join(", ") || "none"})`);
    else if (given.has(init.name)) c.sink.report(init.loc, `the field \`${init.name}\` is given twice`);
    else expectType(c, init.checked.type, f.type, tailLoc(init.value));
    given.add(init.name);
  }
  const missing = fields.filter((f) => !given.has(f.name)).map((f) => `\`${f.name}\``);
  if (missing.length > 0) c.sink.report(e.loc, `missing field${missing.length > 1 ? "s" : ""} ${missing.join(", ")} in \`${e.name}\``);
  return { node, type: e.name };
}

/** `b.get()` and `b.set(v)` on a Box[T]: the only methods so far. */
export function checkMethodCall(c: Checker, e: Lsrc.MethodCall): { node: Ltyped.Expr; type: Type } {
  const target = c.checkExpr(c, e.target);
  const args = e.args.map((a) => c.checkExpr(c, a));
  const prim = (op: Ltyped.Prim["op"], type: Type) => ({ node: { kind: "Prim", op, args: [target.node, ...args.map((a) => a.node)], loc: e.loc } as Ltyped.Prim, type });
  const elem = elementType(target.type, "Box");
  if (elem === null) {
    if (!silent(target.type)) c.sink.report(e.loc, `${show(target.type)} has no method \`${e.method}\` (only a Box has methods: get and set)`);
    return prim("get", "Error");
  }
  const arity = e.method === "get" ? 0 : e.method === "set" ? 1 : -1;
  if (arity < 0) {
    c.sink.report(e.loc, `a Box has no method \`${e.method}\` (its methods: get and set)`);
    return prim("get", "Error");
  }
  if (args.length !== arity) {
    c.sink.report(e.loc, `\`${e.method}\` takes ${arity} argument${arity === 1 ? "" : "s"}, found ${args.length}`);
    return prim("get", "Error");
  }
  if (e.method === "set") expectType(c, args[0]!.type, elem, tailLoc(e.args[0]!));
  return e.method === "get" ? prim("get", elem) : prim("set", "Unit");
}

/** The variable an assignment changes: it must be a `let mut`. Reports why not; false then. */
export function checkAssignable(c: Checker, name: string, loc: Loc | undefined): boolean {
  const b = lookup(c, name);
  if (!b) c.sink.report(loc, c.constants.has(name) ? `cannot assign to \`${name}\`: it is a constant` : `unknown name \`${name}\``);
  else if (b.what === "for") c.sink.report(loc, `cannot assign to \`${name}\`: a \`for\` loop variable cannot be changed`);
  else if (b.what === "parameter") c.sink.report(loc, `cannot assign to \`${name}\`: a parameter cannot be changed (copy it into a \`let mut\`)`);
  else if (!b.mutable) {
    const note = b.loc ? [{ loc: b.loc, message: `\`${name}\` is declared here; \`let mut ${name}\` would allow assignments` }] : [];
    c.sink.report(loc, `cannot assign to \`${name}\`: it is not declared \`mut\``, note);
  } else return true;
  return false;
}

/** `target op= value` where target has type `type`: `=` needs value of that type, `op=` the operator's rule. */
export function checkUpdate(c: Checker, op: string, type: Type, value: { type: Type }, valueExpr: Lsrc.Expr, loc: Loc | undefined): void {
  if (op === "=") return expectType(c, value.type, type, tailLoc(valueExpr));
  const typing = binaryTyping(op.slice(0, -1), type, value.type);
  if (typing.error) c.sink.report(typing.error.side === "left" ? loc : valueExpr.loc, typing.error.message);
  else expectType(c, typing.type, type, valueExpr.loc);
}

/** `p.x.y op= v`: p is a mut variable holding records or tuples along the path. */
export function checkSetField(c: Checker, s: Lsrc.SetField): Ltyped.SetField {
  const value = c.checkExpr(c, s.value);
  if (checkAssignable(c, s.name, s.loc)) {
    let type: Type | null = lookup(c, s.name)!.type;
    for (const field of s.path) type = type === null ? null : fieldType(c, type, field, s.loc);
    if (type !== null) checkUpdate(c, s.op, type, value, s.value, s.loc);
  }
  return { ...s, value: value.node };
}

/** `a[i] op= v`: a is an Array[T] (any expression: arrays are shared), v a T. */
export function checkSetIndex(c: Checker, s: Lsrc.SetIndex): Ltyped.SetIndex {
  const array = c.checkExpr(c, s.array);
  const index = c.checkExpr(c, s.index);
  expectType(c, index.type, "Int", s.index.loc);
  const value = c.checkExpr(c, s.value);
  const elem = elementType(array.type, "Array");
  if (elem === null && !silent(array.type)) c.sink.report(s.array.loc, `only an Array's elements can be assigned to, found ${show(array.type)}`);
  else if (elem !== null) checkUpdate(c, s.op, elem, value, s.value, s.loc);
  return { ...s, array: array.node, index: index.node, value: value.node };
}

/** `for v in a`: a is an Array[T]; v, a T, is bound in the body. */
export function checkForEach(c: Checker, s: Lsrc.ForEach): Ltyped.ForEach {
  const iter = c.checkExpr(c, s.iter);
  const elem = elementType(iter.type, "Array");
  if (elem === null && !silent(iter.type)) c.sink.report(s.iter.loc, `\`for ${s.name} in\` needs a range \`a..b\` or an Array, found ${show(iter.type)}`);
  c.scope = { names: new Map([[s.name, { type: elem ?? "Error", mutable: false, what: "for", loc: s.loc }]]), parent: c.scope };
  c.loops++;
  const body = c.checkBlock(c, s.body);
  c.loops--;
  c.scope = c.scope.parent;
  return { ...s, iter: iter.node, body: body.node };
}
