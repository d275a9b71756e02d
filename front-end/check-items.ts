// The typing rules of items (part of check-types, passes/check-types.ts): the
// program's items by name in one namespace with the constructors of its unions,
// each fn's signature and body, records' and unions' fields written out, and
// which items the program reaches (the prelude's others are dropped).

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import type { DiagnosticSink } from "./diagnostics.js";
import type { Loc } from "../il/node.js";
import { ErrorType, isType, show, tooBig, typeText, UnitType, type Type, type TypeTable } from "./types.js";
import type { TypeItems, TypeScope } from "./type-items.js";
import { arrowHint, bind, expectType, implFix, known, tailLoc, type Checker, type Signature } from "./checker.js";
import { checkBlock } from "./check-body.js";
import { finish } from "./inference.js";
import { testedMain } from "./test-entry.js";
import { typeLocOf } from "./parser.js";
import { unmetBound, type Protocols } from "./protocols.js";

/** The bounds of the generic uses in the body just checked, now that inference knows their
 * type arguments: each must have an impl of each protocol its parameter's bounds name. */
function checkBounds(c: Checker): void {
  for (const use of c.pendingBounds) {
    const unmet = unmetBound(c.protocols, use.params, use.args.map((a) => known(c, a)), c.data);
    if (unmet === null) continue;
    const name = unmet.param.kind === "param" ? unmet.param.name : "?";
    c.sink.report(use.loc, `\`${show(unmet.type)}\` has no impl of \`${unmet.protocol}\`, which ${use.what} needs for \`${name}: ${unmet.protocol}\` (${implFix(c, unmet.protocol, unmet.type)})`);
  }
  c.pendingBounds.length = 0;
}

export type ItemIn = Exclude<Lsrc.Item, Lsrc.Module | Lsrc.Impl | Lsrc.ProtocolImpl>;

/** Items by name, first definition first; a second item of the same name is an error, and
 * so is a union's constructor named like an item or another constructor (one namespace). */
export function itemsByName(items: readonly ItemIn[], sink: DiagnosticSink): Map<string, ItemIn> {
  const byName = new Map<string, ItemIn>();
  const twice = (name: string, loc: Loc | undefined, first: Loc | undefined) => sink.report(loc, `\`${name}\` is defined twice`, first ? [{ loc: first, message: `the first \`${name}\` is here` }] : []);
  for (const item of items) {
    const first = byName.get(item.name);
    if (!first) byName.set(item.name, item);
    else twice(item.name, item.loc, first.loc);
  }
  const ctors = new Map<string, Loc | undefined>();
  for (const item of byName.values()) {
    if (item.kind !== "Union" && item.kind !== "GenericUnion") continue;
    for (const ctor of item.ctors) {
      const first = byName.get(ctor.name);
      if (first) twice(ctor.name, ctor.loc, first.loc);
      else if (ctors.has(ctor.name)) twice(ctor.name, ctor.loc, ctors.get(ctor.name));
      else ctors.set(ctor.name, ctor.loc);
    }
  }
  return byName;
}

/** A fn item's signature: its type must be small enough to write out like any other (types.ts). */
export function signatureOf(fn: Lsrc.Fn | Lsrc.GenericFn, scope: TypeScope, tparams: Signature["tparams"], data: TypeItems, types: TypeTable, sink: DiagnosticSink): Signature {
  const params = fn.params.map((p) => data.resolve(p.type, typeLocOf(p) ?? p.loc, scope));
  const ret = fn.ret === null ? UnitType : data.resolve(fn.ret, typeLocOf(fn) ?? fn.loc, scope);
  const type = types.fn(params, ret);
  const why = tooBig(type);
  if (why === null) return { tparams, params, ret, type };
  sink.report(fn.loc, `the type of \`${fn.name}\`, ${show(type)}, ${why}`);
  return { tparams, params, ret, type: ErrorType };
}

/** A fn item: its parameters are bound, immutable, in the body, whose type fits the result type;
 * then inference fills in what it found (front-end/inference.ts). */
export function checkFn(fn: Lsrc.Fn | Lsrc.GenericFn, signature: Signature, checker: Checker): Ltyped.Fn | Ltyped.GenericFn {
  const { sink } = checker;
  const errors = sink.diagnostics.length; // (those before this function's)
  const { params, ret } = signature;
  const isMain = fn.name === "main" || fn.name === testedMain; // (a test binary's file's own main: front-end/test-entry.ts)
  const name = isMain ? "main" : fn.name;
  if (isMain) {
    if (fn.kind === "GenericFn") sink.report(fn.loc, "`fn main()` cannot have type parameters");
    if (fn.params.length > 0) sink.report(fn.params[0]!.loc, "`fn main()` takes no parameters");
    if (!isType(ret, UnitType)) sink.report(fn.loc, `\`fn main()\` must return Unit, not ${show(ret)}`);
  }
  checker.scope = { names: null, parent: null };
  fn.params.forEach((param, i) => {
    if (checker.scope!.names?.has(param.name)) sink.report(param.loc, `\`${param.name}\` is a parameter of \`${name}\` twice`);
    bind(checker, param.name, { type: params[i]!, mutable: false, what: "parameter", loc: param.loc });
  });
  const result = isMain ? UnitType : ret; // main's wrong result type is reported above
  checker.result = result;
  checker.arrowless = fn.ret === null && !isMain ? `\`${name}\`` : null;
  const body = checkBlock(checker, fn.body);
  checker.scope = null;
  const why = result === UnitType ? (arrowHint(checker, body.type) ?? `the body of \`${name}\` must not produce a value`) : `the body of \`${name}\` must end in its ${show(ret)} result or return it`;
  expectType(checker, body.type, result, tailLoc(fn.body), why);
  checkBounds(checker);
  finish(checker.inference, checker.types, sink, sink.diagnostics.length > errors);
  const typed = { ...fn, params: fn.params.map((p, i) => ({ ...p, type: typeText(params[i]!) })), ret: typeText(ret), body: body.node };
  return typed as Ltyped.Fn | Ltyped.GenericFn;
}

/** A record's or union's fields with their types written out. */
export const fieldsOut = (decls: readonly Lsrc.FieldDecl[], types: readonly { type: Parameters<typeof typeText>[0] }[]): Ltyped.FieldDecl[] =>
  decls.map((f, i) => ({ ...f, type: typeText(types[i]?.type ?? ErrorType) }));

/** The items reachable from the program's own through what each uses: the prelude's items
 * outside it are dropped. */
export function reachable(own: readonly string[], uses: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const seen = new Set<string>();
  const pending = [...own];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    pending.push(...(uses.get(name) ?? []));
  }
  return seen;
}

/** Every impl's methods, checked like fn items with the impl's type parameters and `Self` in
 * scope and `self` (of the impl's type) first, each a Method (GenericMethod for a generic impl)
 * added to `items`; gives what each method uses, by its name `Type.method`. */
export function checkMethods(protocols: Protocols, checker: Checker, items: Ltyped.Item[]): Map<string, ReadonlySet<string>> {
  const uses = new Map<string, ReadonlySet<string>>();
  for (const m of protocols.methods) {
    const { impl } = m;
    if (m.fn.params[0]?.name !== "self") continue; // reported (protocols.ts)
    const params = [impl.type, ...m.params];
    const tparams = [...impl.tparams, ...m.own]; // (the impl's, then the method's own)
    const signature: Signature = { tparams, params, ret: m.ret, type: checker.types.fn(params, m.ret) };
    const scope = { params: m.scope.params, uses: new Set<string>() };
    checker.typeScope = scope;
    const type = typeText(impl.type);
    uses.set(`${type}.${m.name}`, scope.uses);
    const fn = checkFn({ ...m.fn, name: `${type}.${m.name}` }, signature, checker) as Ltyped.Fn;
    const body = { type, name: m.name, params: fn.params, ret: fn.ret, body: fn.body, ...(m.fn.loc ? { loc: m.fn.loc } : {}) };
    if (tparams.length === 0) items.push({ kind: "Method", ...body });
    else {
      const bounds = (t: Type) => protocols.bounds.get(t) ?? [];
      items.push({ kind: "GenericMethod", tparams: tparams.map((t) => ({ kind: "TypeParam", name: t.kind === "param" ? t.name : "?", bounds: [...bounds(t)] })), ...body });
    }
  }
  return uses;
}
