// The typing rules of data (part of check-types): tuples, records, union
// constructors, fields, arrays, strings and boxes; the records, unions and
// aliases themselves are checked in type-items.ts. spec/language.md states the
// same rules. A generic record or union gets its type arguments at each use by
// inference (inference.ts).

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import { didYouMean } from "./diagnostics.js";
import { builtins } from "./prelude.js";
import { expectType, isCaptured, known, lookup, made, mustKnow, neverValue, namesInScope, tailLoc, use, type Checker, type Typed } from "./checker.js";
import type { Loc } from "../il/node.js";
import { instantiate, substitute, writeType } from "./inference.js";
import { binaryTyping } from "./operators.js";
import type { FieldInfo } from "./type-items.js";
import { elementOf, ErrorType, IntType, isType, NeverType, show, silent, StringType, UnitType, type Type } from "./types.js";
import { maxFields } from "../ir-defs/heap-layout.js";
import { builtinMethods, lookupMethod } from "./protocols.js";
import { boundaryOf, checkChannelMethod } from "./check-tasks.js";

/** The type of field `field` of a value of type `type` (of the expression `target`, if one),
 * or null after reporting why there is none. */
function fieldType(c: Checker, given: Type, field: string, loc: Loc | undefined, target?: Lsrc.Expr): Type | null {
  const type = mustKnow(c, given, target ? tailLoc(target) : loc);
  if (type === NeverType) return neverValue(c, target && tailLoc(target), `it has no field \`${field}\``);
  if (silent(type)) return null;
  const t = type.head;
  if (t.kind === "tuple") {
    const i = /^[0-9]+$/.test(field) ? Number(field) : -1;
    if (i >= 0 && i < t.elems.length) return t.elems[i]!;
    c.sink.report(loc, i < 0 ? `a tuple's fields are numbered: \`.0\` to \`.${t.elems.length - 1}\`` : `the tuple ${show(type)} has no field ${field} (its fields are .0 to .${t.elems.length - 1})`);
    return null;
  }
  const fields = c.data.fieldsOf(type);
  if (fields) {
    const f = fields.find((x) => x.name === field);
    if (f) return f.type;
    c.sink.report(loc, `\`${show(type)}\` has no field \`${field}\` (its fields: ${fields.map((x) => x.name).join(", ") || "none"})${methodNamed(c, type, field)}`);
    return null;
  }
  c.sink.report(loc, `${show(type)} has no fields: only records and tuples do${methodNamed(c, type, field)}`);
  return null;
}

/** `; \`m\` is a method: call it, \`.m(...)\`` when the type has a method of the name a field was asked for (`o.unwrap`). */
function methodNamed(c: Checker, type: Type, name: string): string {
  return "params" in lookupMethod(c.protocols, type, name, c.types) ? `; \`${name}\` is a method: call it, \`.${name}(...)\`` : "";
}

export function checkTuple(c: Checker, e: Lsrc.Tuple): Typed<Ltyped.Tuple> {
  const elems = e.elems.map((x) => c.checkExpr(c, x));
  if (elems.length > maxFields) c.sink.report(e.loc, `a tuple of ${elems.length} elements: at most ${maxFields} are supported`);
  const types = elems.map((x) => x.type); // Never if one is (types.ts)
  return { node: { ...e, elems: elems.map((x) => x.node) }, type: made(c, c.types.tuple(types), e.loc) };
}

export function checkField(c: Checker, e: Lsrc.Field): Typed<Ltyped.Field> {
  const target = c.checkExpr(c, e.target);
  return { node: { ...e, target: target.node }, type: fieldType(c, target.type, e.field, e.loc, e.target) ?? ErrorType };
}

/** The element type of `array`, an Array of type `type`, or null after reporting why there is
 * none: `never` says what cannot be done with a Never, `only` what needs an Array. */
function arrayElement(c: Checker, given: Type, array: Lsrc.Expr, never: string, only: string): Type | null {
  const type = mustKnow(c, given, tailLoc(array));
  const elem = elementOf(type, "Array");
  if (elem !== null) return elem;
  if (type === NeverType) return neverValue(c, tailLoc(array), never);
  if (!silent(type)) c.sink.report(array.loc, `${only}, found ${show(type)}`);
  return null;
}

/** `a[i]`: a is an Array[T], i an Int; the element is a T. */
export function checkIndex(c: Checker, e: Lsrc.Index): Typed<Ltyped.Index> {
  const named = e.target.kind === "Var" && !lookup(c, e.target.name) && !c.constants.has(e.target.name) ? e.target.name : null;
  if (named !== null && (c.functions.has(named) || c.data.ctors.has(named) || builtins.has(named))) {
    // `id[Int](3)`: one error, not one for the index, one for `Int` and one for the uninferred `T`.
    c.sink.report(e.index.loc, `type arguments are inferred, never written at a call: write \`${named}(...)\` (where nothing fixes them, write the variable's type: \`let x: Option[Int] = None\`)`);
    const none: Ltyped.Expr = { kind: "Int", value: 0n }; // (never emitted: the program has errors)
    return { node: { ...e, target: none, index: none }, type: ErrorType };
  }
  const target = c.checkExpr(c, e.target);
  const index = c.checkExpr(c, e.index);
  expectType(c, index.type, IntType, e.index.loc);
  const elem = arrayElement(c, target.type, e.target, "it cannot be indexed", "only an Array can be indexed");
  return { node: { ...e, target: target.node, index: index.node }, type: elem ?? ErrorType };
}

/** `Point { x: 1, y: 2 }`: every field of the record once, each of its type. A generic
 * record's type arguments are inferred from the fields: `Pair { a: 1, b: true }` is a Pair[Int, Bool]. */
export function checkRecordLit(c: Checker, e: Lsrc.RecordLit): Typed<Ltyped.RecordLit | Ltyped.GenericRecordLit> {
  const record = c.data.records.get(e.name);
  const inits = e.inits.map((init) => ({ ...init, checked: c.checkExpr(c, init.value) }));
  const node: Ltyped.RecordLit = { ...e, inits: inits.map(({ checked, ...init }) => ({ ...init, value: checked.node })) };
  if (!record) {
    c.sink.report(e.loc, c.data.unions.has(e.name) ? `\`${e.name}\` is a union, not a record: its values are made by its constructors` : `unknown record \`${e.name}\`${didYouMean(e.name, c.data.records.keys())}`);
    return { node, type: ErrorType };
  }
  use(c, e.name);
  const { args, sub } = instantiate(c.inference, c.types, record.params, e.name, e.loc);
  const fields = record.fields.map((f) => ({ name: f.name, type: substitute(c.types, f.type, sub) }));
  const given = new Set<string>();
  for (const init of inits) {
    const f = fields.find((x) => x.name === init.name);
    if (!f) c.sink.report(init.loc, `\`${e.name}\` has no field \`${init.name}\` (its fields: ${fieldNames(fields)})`);
    else if (given.has(init.name)) c.sink.report(init.loc, `the field \`${init.name}\` is given twice`);
    else expectType(c, init.checked.type, f.type, tailLoc(init.value));
    given.add(init.name);
  }
  const missing = fields.filter((f) => !given.has(f.name)).map((f) => `\`${f.name}\``);
  if (missing.length > 0) c.sink.report(e.loc, `missing field${missing.length > 1 ? "s" : ""} ${missing.join(", ")} in \`${e.name}\``);
  const type = c.types.named(e.name, args);
  if (args.length === 0) return { node, type };
  const generic: Ltyped.GenericRecordLit = { kind: "GenericRecordLit", type: "", inits: node.inits, loc: e.loc };
  return { node: writeType(c.inference, c.types, generic, "type", type), type };
}

const fieldNames = (fields: readonly FieldInfo[]) => fields.map((x) => x.name).join(", ") || "none";
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** A constructor's use: `Nil` bare (args null) or `Cons(1, xs)` called with a value for each
 * field, each of its type; a generic union's type arguments are inferred from them (and from
 * what the value meets later: `let x: Option[Int] = None`). */
export function checkConstruct(c: Checker, name: string, given: readonly Lsrc.Expr[] | null, loc: Loc | undefined): Typed<Ltyped.Expr> {
  const ctor = c.data.ctors.get(name)!;
  use(c, ctor.union.name);
  const args = (given ?? []).map((a) => c.checkExpr(c, a));
  const { args: targs, sub } = instantiate(c.inference, c.types, ctor.union.params, name, loc);
  const type = c.types.named(ctor.union.name, targs);
  const node: Ltyped.Construct = { kind: "Construct", type: "", ctor: name, args: args.map((a) => a.node), loc };
  const arity = ctor.fields.length;
  if (given === null && arity > 0) c.sink.report(loc, `\`${name}\` has ${plural(arity, "field")}: give ${arity === 1 ? "it" : "them"}, as in \`${name}(${ctor.fields.map((f) => f.name).join(", ")})\``);
  else if (given !== null && arity === 0) c.sink.report(loc, `\`${name}\` has no fields: write it without parentheses, \`${name}\``);
  else if (args.length !== arity) c.sink.report(loc, `\`${name}\` has ${plural(arity, "field")}, found ${args.length}`);
  else args.forEach((a, i) => expectType(c, a.type, substitute(c.types, ctor.fields[i]!.type, sub), tailLoc(given![i]!)));
  return { node: writeType(c.inference, c.types, node, "type", type), type };
}

/** `v.m(args)`: `b.get()` and `b.set(v)` on a Box[T] are primitives; any other method is an impl's. */
export function checkMethodCall(c: Checker, e: Lsrc.MethodCall): Typed<Ltyped.Expr> {
  const target = c.checkExpr(c, e.target);
  const args = e.args.map((a) => c.checkExpr(c, a));
  const prim = (op: Ltyped.Prim["op"], type: Type) => ({ node: { kind: "Prim", op, args: [target.node, ...args.map((a) => a.node)], loc: e.loc } as Ltyped.Prim, type });
  const targetType = mustKnow(c, target.type, tailLoc(e.target));
  const carried = elementOf(targetType, "Chan");
  const onChannel = carried === null ? null : checkChannelMethod(c, e, target.node, carried, args);
  if (onChannel !== null) return onChannel;
  const elem = elementOf(targetType, "Box");
  if (elem === null || (e.method !== "get" && e.method !== "set")) {
    if (targetType === NeverType) neverValue(c, tailLoc(e.target), `it has no method \`${e.method}\``);
    else if (!silent(targetType)) return checkImplMethodCall(c, e, target, args, targetType);
    return prim("get", ErrorType);
  }
  const arity = e.method === "get" ? 0 : 1;
  if (args.length !== arity) {
    c.sink.report(e.loc, `\`${e.method}\` takes ${arity} argument${arity === 1 ? "" : "s"}, found ${args.length}`);
    return prim("get", ErrorType);
  }
  if (e.method === "set") expectType(c, args[0]!.type, elem, tailLoc(e.args[0]!));
  return e.method === "get" ? prim("get", elem) : prim("set", UnitType);
}

/**
 * The methods a type has, for a message that says it lacks one: ` (its methods: ...)`. The
 * prelude's impls for Int, Bool, String, Option and Result are only there when the program
 * uses them (prelude.ts, preludeUsed), so of those types' methods only some may be known:
 * ` (its methods include ...)`, or nothing said when none is.
 */
export function methodsOf(c: Checker, receiver: Type, methods: readonly string[]): string {
  const h = receiver.head;
  const partly = h.kind === "named" && ["Int", "Bool", "String", c.preludeOption, c.preludeResult].includes(h.name);
  const list = methods.map((m) => `\`${m}\``).join(", ");
  if (methods.length > 0) return partly ? ` (its methods include ${list})` : ` (its methods: ${list})`;
  return partly ? "" : h.kind === "param" ? " (its bounds give it no methods)" : " (it has no methods)";
}

/** `v.m(args)` on a type with methods (an impl's, or a bound's protocol's for a type
 * parameter): the arguments fit the method's parameters after `self`; the call states
 * the receiver's type. */
function checkImplMethodCall(c: Checker, e: Lsrc.MethodCall, target: Typed<Ltyped.Expr>, args: readonly Typed<Ltyped.Expr>[], receiver: Type): Typed<Ltyped.Expr> {
  const found = lookupMethod(c.protocols, receiver, e.method, c.types);
  const node: Ltyped.MethodCall = { kind: "MethodCall", target: target.node, type: "", method: e.method, args: args.map((a) => a.node), ...(e.loc ? { loc: e.loc } : {}) };
  writeType(c.inference, c.types, node, "type", receiver);
  if ("methods" in found) {
    const builtin = builtinMethods(receiver);
    const field = c.data.fieldsOf(receiver)?.find((f) => f.name === e.method && f.type.head.kind === "fn");
    const hint = field
      ? `; \`${e.method}\` is a field that holds a function: call it as \`(${e.target.kind === "Var" ? e.target.name : "v"}.${e.method})(...)\``
      : e.method === "len" && (isType(receiver, StringType) || elementOf(receiver, "Array") !== null) ? "; a length is the built-in `len(v)`" : "";
    c.sink.report(e.loc, `\`${show(receiver)}\` has no method \`${e.method}\`${methodsOf(c, receiver, [...builtin, ...found.methods])}${hint}`);
    return { node, type: ErrorType };
  }
  // A method's own type parameters get vars, which the arguments fix, as at a generic fn's call.
  const { args: own, sub } = instantiate(c.inference, c.types, found.own, e.method, e.loc);
  const [params, ret] = [found.params.map((t) => substitute(c.types, t, sub)), substitute(c.types, found.ret, sub)];
  const call: Ltyped.MethodCall | Ltyped.GenericMethodCall = own.length === 0 ? node : { ...node, kind: "GenericMethodCall", targs: own.map(() => "") };
  if (call !== node) {
    writeType(c.inference, c.types, call, "type", receiver);
    own.forEach((a, i) => writeType(c.inference, c.types, call as Ltyped.GenericMethodCall, "targs", a, i));
    c.pendingBounds.push({ params: found.own, args: own, loc: e.loc, what: `the method \`${e.method}\`` });
  }
  if (args.length !== params.length) {
    c.sink.report(e.loc, `\`${e.method}\` takes ${params.length} argument${params.length === 1 ? "" : "s"} after \`self\`, found ${args.length}`);
    return { node: call, type: ret };
  }
  args.forEach((a, i) => expectType(c, a.type, params[i]!, tailLoc(e.args[i]!)));
  if (found.impl) c.pendingBounds.push({ params: found.impl.tparams, args: found.targs, loc: e.loc, what: `the method \`${e.method}\` of \`impl${found.impl.protocol ? ` ${found.impl.protocol} for` : ""} ${show(found.impl.type)}\`` });
  return { node: call, type: ret };
}

/** The variable an assignment changes: it must be a `let mut`. Reports why not; false then. */
export function checkAssignable(c: Checker, name: string, loc: Loc | undefined): boolean {
  const b = lookup(c, name);
  if (!b) c.sink.report(loc, c.constants.has(name) ? `cannot assign to \`${name}\`: it is a constant` : `unknown name \`${name}\`${didYouMean(name, namesInScope(c))}`);
  else if (isCaptured(c, name)) {
    const [inside, made] = boundaryOf(c) === "spawn" ? ["a spawned block", "the task was spawned"] : ["an anonymous function", "the function was made"];
    const note = b.loc ? [{ loc: b.loc, message: `\`${name}\` is declared here, outside ${inside.replace(/^an? /, "the ")}` }] : [];
    c.sink.report(loc, `cannot assign to \`${name}\` inside ${inside}: it captured \`${name}\` by value, as a copy made when ${made} (to share a value that changes, put it in a Box: \`Box(...)\`, \`.set(v)\`, \`.get()\`)`, note);
  }
  else if (b.what === "for") c.sink.report(loc, `cannot assign to \`${name}\`: a \`for\` loop variable cannot be changed`);
  else if (b.what === "parameter") c.sink.report(loc, `cannot assign to \`${name}\`: a parameter cannot be changed (copy it into a \`let mut\`)`);
  else if (b.what === "pattern") c.sink.report(loc, `cannot assign to \`${name}\`: a name bound by a pattern cannot be changed (copy it into a \`let mut\`)`);
  else if (!b.mutable) {
    const note = b.loc ? [{ loc: b.loc, message: `\`${name}\` is declared here; \`let mut ${name}\` would allow assignments` }] : [];
    c.sink.report(loc, `cannot assign to \`${name}\`: it is not declared \`mut\``, note);
  } else return true;
  return false;
}

/** `target op= value` where target has type `type`: `=` needs value of that type, `op=` the operator's rule. */
export function checkUpdate(c: Checker, op: string, type: Type, value: { type: Type }, valueExpr: Lsrc.Expr, loc: Loc | undefined): void {
  if (op === "=") {
    expectType(c, value.type, type, tailLoc(valueExpr));
    return;
  }
  const typing = binaryTyping(op.slice(0, -1), known(c, type), known(c, value.type));
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
  expectType(c, index.type, IntType, s.index.loc);
  const value = c.checkExpr(c, s.value);
  const elem = arrayElement(c, array.type, s.array, "it has no elements to assign to", "only an Array's elements can be assigned to");
  if (elem !== null) checkUpdate(c, s.op, elem, value, s.value, s.loc);
  return { ...s, array: array.node, index: index.node, value: value.node };
}

/** `for v in a`: a is an Array[T] or a Chan[T] (check-tasks.ts); v, a T, is bound in the body.
 * Over a channel, the loop is a ForChan, stating v's type and the Option type of a receive. */
export function checkForEach(c: Checker, s: Lsrc.ForEach): Ltyped.ForEach | Ltyped.ForChan {
  const iter = c.checkExpr(c, s.iter);
  const carried = elementOf(known(c, iter.type), "Chan");
  const elem = carried ?? arrayElement(c, iter.type, s.iter, `\`for ${s.name} in\` cannot go through it`, `\`for ${s.name} in\` needs a range \`a..b\`, an Array or a Chan`);
  c.scope = { names: new Map([[s.name, { type: elem ?? ErrorType, mutable: false, what: "for", loc: s.loc }]]), parent: c.scope };
  c.loops++;
  const body = c.checkBlock(c, s.body);
  c.loops--;
  c.scope = c.scope.parent;
  if (carried === null) return { ...s, iter: iter.node, body: body.node };
  if (c.preludeOption === null) {
    c.sink.report(s.loc, `\`for ${s.name} in\` a channel needs the prelude's Option, and this compilation has no prelude`);
    return { ...s, iter: iter.node, body: body.node };
  }
  use(c, c.preludeOption);
  const loop: Ltyped.ForChan = { kind: "ForChan", name: s.name, type: "", chan: iter.node, option: "", body: body.node, ...(s.loc ? { loc: s.loc } : {}) };
  writeType(c.inference, c.types, loop, "type", carried);
  return writeType(c.inference, c.types, loop, "option", c.types.named(c.preludeOption, [carried]));
}
