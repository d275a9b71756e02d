// Protocols, impls and methods (part of check-types): the program's protocols
// with their methods' signatures, every impl with its methods, and the
// questions the typing rules ask of them: which methods a type has, whether a
// type has an impl of a protocol (a type parameter has one when its bounds say
// so), and what a method call on a type means. spec/language.md, "Methods and
// protocols", states the rules.
//
// A type's methods are one namespace: those of its inherent impls and of every
// protocol impl for it, each name once. An impl is for a type in which its own
// parameters may stand (impl-types.ts): `impl[T] Stack[T]` for every Stack,
// `impl Show for Pair[Int, Bool]` for that instance only, `impl Sum for
// Array[Int]`, `impl[A: Show, B: Show] Show for (A, B)`; impls that one type
// would match both of are refused, so a value's type alone says which method a
// call means, before and after monomorphize.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type { Loc } from "../il/node.js";
import { didYouMean, type DiagnosticSink } from "./diagnostics.js";
import { substitute } from "./inference.js";
import { typeLocOf } from "./parser.js";
import type { TypeItems, TypeScope } from "./type-items.js";
import { ErrorType, show, UnitType, type Type, type TypeTable } from "./types.js";
import { matchType, occursIn, overlap } from "./impl-types.js";

export interface MethodSignature {
  readonly name: string;
  /** The parameters after `self`. */
  readonly params: readonly Type[];
  readonly ret: Type;
  readonly loc: Loc | undefined;
}

export interface ProtocolInfo {
  readonly name: string;
  /** `Self` in its signatures: a parameter owned by the protocol. */
  readonly self: Type;
  readonly sigs: ReadonlyMap<string, MethodSignature>;
}

export interface ImplInfo {
  readonly protocol: string | null;
  /** The type it is for, its parameters inside (`Stack[T]`), and those parameters, as declared. */
  readonly type: Type;
  readonly tparams: readonly Type[];
  /** Its type parameters and `Self`, for its methods' types. */
  readonly scope: TypeScope;
  readonly item: Lsrc.Impl | Lsrc.ProtocolImpl;
}

export interface MethodInfo extends MethodSignature {
  readonly impl: ImplInfo;
  readonly fn: Lsrc.Fn | Lsrc.GenericFn;
  /** Its own type parameters (`fn map[U](self, ...)`), which each call's arguments fix, and the
   * scope of its body (the impl's parameters, `Self` and its own). */
  readonly own: readonly Type[];
  readonly scope: TypeScope;
}

export interface Protocols {
  readonly protocols: ReadonlyMap<string, ProtocolInfo>;
  readonly impls: readonly ImplInfo[];
  /** Every impl's methods. */
  readonly methods: readonly MethodInfo[];
  /** The bounds of each type parameter: protocols' names. */
  readonly bounds: Map<Type, readonly string[]>;
}

/** A generic item's bounds: each must name a protocol. */
export function noteBounds(p: Protocols, tparams: readonly Lsrc.TypeParam[], params: ReadonlyMap<string, Type>, sink: DiagnosticSink): void {
  for (const tp of tparams) {
    const param = params.get(tp.name);
    for (const b of tp.bounds) if (!p.protocols.has(b)) sink.report(tp.loc, `\`${b}\` in the bound of \`${tp.name}\` is not a protocol${didYouMean(b, p.protocols.keys())}`);
    if (param && tp.bounds.length > 0) p.bounds.set(param, tp.bounds.filter((b) => p.protocols.has(b)));
  }
}

/** A method's parameters after `self`, and its result; `self` must come first. */
function signature(fn: Lsrc.Fn | Lsrc.GenericFn | Lsrc.Sig, scope: TypeScope, data: TypeItems, sink: DiagnosticSink, what: string): MethodSignature {
  const [first, ...rest] = fn.params;
  if (first?.name !== "self") sink.report(fn.loc, `the method \`${fn.name}\` must take \`self\` first: \`fn ${fn.name}(self${fn.params.length > 0 ? ", ..." : ""})\` (${what})`);
  for (const p of rest) if (p.name === "self") sink.report(p.loc, "`self` may only be a method's first parameter");
  const params = (first?.name === "self" ? rest : fn.params).map((p) => data.resolve(p.type, typeLocOf(p) ?? p.loc, scope));
  const ret = fn.ret === null ? UnitType : data.resolve(fn.ret, typeLocOf(fn) ?? fn.loc, scope);
  return { name: fn.name, params, ret, loc: fn.loc };
}

/** The methods of a Chan[T], for the message about a method it has not. */
export const channelMethods = ["send", "try_send", "recv", "close"] as const;

/** The methods a Box or a channel has built in (no impl has them: check-data.ts, check-tasks.ts). */
export function builtinMethods(type: Type): readonly string[] {
  const h = type.head;
  if (h.kind !== "named" || h.args.length !== 1) return [];
  return h.name === "Box" ? ["get", "set"] : h.name === "Chan" ? channelMethods : [];
}

/** Checks the protocols and impls; `own` says which items the program itself declares
 * (an impl is written where its protocol or its type is declared). */
export function checkProtocols(
  protocolItems: readonly Lsrc.Protocol[], impls: readonly { item: Lsrc.Impl | Lsrc.ProtocolImpl; own: boolean }[],
  own: ReadonlySet<string>, data: TypeItems, types: TypeTable, sink: DiagnosticSink,
  typeParams: (owner: string, tparams: readonly Lsrc.TypeParam[]) => Map<string, Type>,
): Protocols {
  const protocols = new Map<string, ProtocolInfo>();
  const p: Protocols = { protocols, impls: [], methods: [], bounds: new Map() };
  for (const item of protocolItems) {
    const self = types.param(item.name, "Self");
    const scope: TypeScope = { params: new Map([["Self", self]]), uses: null };
    const sigs = new Map<string, MethodSignature>();
    for (const sig of item.sigs) {
      if (sigs.has(sig.name)) sink.report(sig.loc, `the protocol \`${item.name}\` has a method \`${sig.name}\` twice`);
      else sigs.set(sig.name, signature(sig, scope, data, sink, `a method of the protocol \`${item.name}\``));
    }
    protocols.set(item.name, { name: item.name, self, sigs });
  }
  for (const { item, own: ownImpl } of impls) {
    const protocol = item.kind === "ProtocolImpl" ? item.protocol : null;
    const what = protocol ? `impl ${protocol} for ${item.type}` : `impl ${item.type}`;
    if (protocol !== null && !protocols.has(protocol)) {
      // A constructor of the file's own hides the prelude's protocol of its name (spec/symbols.md): `union Cmp { Lt, Eq, Gt }`.
      const ctor = data.ctors.get(protocol);
      const hides = ctor && own.has(ctor.union.name) ? `: this file's constructor of ${ctor.union.name} is named so, and hides any protocol \`${protocol}\` of the prelude (rename the constructor to implement it)` : null;
      sink.report(item.loc, `\`${protocol}\` is not a protocol${hides ?? didYouMean(protocol, protocols.keys())}`);
      continue;
    }
    const params = typeParams(what, item.tparams);
    const typeLoc = typeLocOf(item) ?? item.loc;
    const type = data.resolve(item.type, typeLoc, { params, uses: null });
    const impl = ownImpl ? checkImplType(item, protocol, type, params, own, data, sink) : ({ protocol, type, tparams: [...params.values()], scope: { params, uses: null }, item } satisfies ImplInfo);
    if (impl === null) continue;
    if (protocol !== null) {
      const other = p.impls.find((i) => i.protocol === protocol && overlap(i.type, type, i.tparams, impl.tparams));
      if (other) {
        const same = other.type.canon === type.canon;
        sink.report(item.loc, same ? `a second impl of \`${protocol}\` for \`${show(type)}\`` : `\`${what}\` overlaps \`impl ${protocol} for ${show(other.type)}\`: a type can match both, and then which one a call means is not known`,
          other.item.loc ? [{ loc: other.item.loc, message: same ? "the first one is here" : "the other one is here" }] : []);
        continue;
      }
    }
    (p.impls as ImplInfo[]).push(impl);
    noteBounds(p, item.tparams, params, sink);
    const scope: TypeScope = { params: new Map([...params, ["Self", type]]), uses: new Set() };
    const withScope: ImplInfo = { ...impl, scope };
    for (const fn of item.methods) {
      if (fn.kind !== "Fn" && (fn.kind !== "GenericFn" || protocol !== null)) {
        sink.report(fn.loc, fn.kind === "GenericFn" ? `\`${fn.name}\`: a protocol's method has no type parameters of its own (those of an inherent impl's may)` : "an impl holds only methods (`fn`)");
        continue;
      }
      const own = fn.kind === "GenericFn" ? typeParams(`${what}.${fn.name}`, fn.tparams) : new Map<string, Type>();
      const clash = [...own.keys()].find((name) => params.has(name));
      if (clash !== undefined) sink.report(fn.loc, `the method \`${fn.name}\` names a type parameter \`${clash}\`, as its impl does: give it another name`);
      if (fn.kind === "GenericFn") noteBounds(p, fn.tparams, own, sink);
      const methodScope: TypeScope = own.size === 0 ? scope : { params: new Map([...scope.params, ...own]), uses: scope.uses };
      const sig = signature(fn, methodScope, data, sink, `a method of \`${what}\``);
      if (builtinMethods(type).includes(fn.name)) {
        sink.report(fn.loc, `\`${show(type)}\` has a method \`${fn.name}\` twice: its own, built in, and this one (give this one another name)`);
        continue;
      }
      const first = p.methods.find((m) => m.name === fn.name && overlap(m.impl.type, type, m.impl.tparams, impl.tparams));
      if (first) {
        const where = first.impl.protocol ? `impl ${first.impl.protocol} for ${show(first.impl.type)}` : `impl ${show(first.impl.type)}`;
        sink.report(fn.loc, `\`${show(type)}\` has a method \`${fn.name}\` twice`, first.loc ? [{ loc: first.loc, message: `the first \`${fn.name}\` is here, in \`${where}\`` }] : []);
        continue;
      }
      (p.methods as MethodInfo[]).push({ ...sig, impl: withScope, fn, own: [...own.values()], scope: methodScope });
    }
    if (protocol !== null) matchProtocol(protocols.get(protocol)!, withScope, p.methods.filter((m) => m.impl === withScope), types, sink);
  }
  return p;
}

/** The program's own impl: for a type its parameters all stand in (not a bare parameter), in the
 * module that declares its protocol or its type (a record or union; an alias stands for the type
 * it names); an inherent one for a record or union. Null (reported) when not. */
function checkImplType(item: Lsrc.Impl | Lsrc.ProtocolImpl, protocol: string | null, type: Type, params: ReadonlyMap<string, Type>, own: ReadonlySet<string>, data: TypeItems, sink: DiagnosticSink): ImplInfo | null {
  if (type === ErrorType) return null;
  const typeLoc = typeLocOf(item) ?? item.loc;
  const canon = type.canon;
  if (canon.kind === "param") {
    sink.report(typeLoc, `an impl is for a type, not for its own type parameter \`${show(type)}\``);
    return null;
  }
  const unused = [...params].filter(([, t]) => !occursIn(t, type));
  if (unused.length > 0) {
    sink.report(typeLoc, `the impl's type parameter \`${unused[0]![0]}\` does not appear in \`${item.type}\`: an impl's parameters are those of the type it is for`);
    return null;
  }
  const dataName = canon.kind === "named" && (data.records.has(canon.name) || data.unions.has(canon.name)) ? canon.name : null;
  if (protocol === null && (dataName === null || !own.has(dataName))) {
    sink.report(item.loc, dataName
      ? `\`impl ${item.type}\` must be written where \`${dataName}\` is declared: an inherent impl is for a record or union of this module`
      : `an inherent impl is for a record or union of this module, not for \`${show(type)}\` (for another type, declare a protocol and impl it)`);
    return null;
  }
  if (protocol !== null && !(dataName !== null && own.has(dataName)) && !own.has(protocol)) {
    sink.report(item.loc, `\`impl ${protocol} for ${item.type}\`: this module declares neither the protocol \`${protocol}\` nor the type \`${show(canon)}\`${type.kind === "alias" ? ` (which \`${type.name}\` stands for)` : ""}`);
    return null;
  }
  return { protocol, type, tparams: [...params.values()], scope: { params, uses: null }, item };
}

/** An impl of a protocol has each of its methods, of its signature with Self the impl's type, and no other. */
function matchProtocol(protocol: ProtocolInfo, impl: ImplInfo, mine: readonly MethodInfo[], types: TypeTable, sink: DiagnosticSink): void {
  const sub = new Map([[protocol.self, impl.type]]);
  // (one the impl writes but that was refused, as a type's second method of its name, is not missing: that was said)
  const missing = [...protocol.sigs.keys()].filter((name) => !impl.item.methods.some((m) => "name" in m && m.name === name));
  if (missing.length > 0) sink.report(impl.item.loc, `\`impl ${protocol.name} for ${show(impl.type)}\` is missing the method${missing.length > 1 ? "s" : ""} ${missing.map((m) => `\`${m}\``).join(", ")} of the protocol`);
  for (const m of mine) {
    const sig = protocol.sigs.get(m.name);
    if (!sig) {
      sink.report(m.loc, `\`${m.name}\` is not a method of the protocol \`${protocol.name}\` (its methods: ${[...protocol.sigs.keys()].map((n) => `\`${n}\``).join(", ")})`);
      continue;
    }
    const want = sig.params.map((t) => substitute(types, t, sub));
    const ret = substitute(types, sig.ret, sub);
    const text = (params: readonly Type[], r: Type) => `(self${params.map((t) => `, ${show(t)}`).join("")}) -> ${show(r)}`;
    if (want.length !== m.params.length || want.some((t, i) => t.canon !== m.params[i]!.canon) || ret.canon !== m.ret.canon) {
      sink.report(m.loc, `\`${m.name}\` does not match the protocol \`${protocol.name}\`: it must be ${text(want, ret)}, found ${text(m.params, m.ret)}`);
    }
  }
}

/** The impl of `protocol` for `t` (no type parameter) and its parameters' types there, if any. */
function implFor(p: Protocols, t: Type, protocol: string): { impl: ImplInfo; targs: readonly Type[] } | null {
  for (const impl of p.impls) {
    if (impl.protocol !== protocol) continue;
    const sub = matchType(impl.type, t, impl.tparams);
    if (sub) return { impl, targs: impl.tparams.map((param) => sub.get(param) ?? ErrorType) };
  }
  return null;
}

/** Whether `t` has an impl of `protocol`: a type parameter by its bounds, any other type by an
 * impl for it whose own bounds its parameters' types there meet. */
export function hasImpl(p: Protocols, t: Type, protocol: string, data: TypeItems): boolean {
  const h = t.head;
  if (h.kind === "never" || h.kind === "error") return true;
  if (h.kind === "param") return p.bounds.get(h)?.includes(protocol) ?? false;
  const found = implFor(p, t, protocol);
  return found !== null && unmetBound(p, found.impl.tparams, found.targs, data) === null;
}

/** The first bound of an impl's or a generic function's parameters that the arguments do not
 * meet: which parameter, which protocol, which type; null when all are met. */
export function unmetBound(p: Protocols, params: readonly Type[], args: readonly Type[], data: TypeItems): { param: Type; protocol: string; type: Type } | null {
  for (const [i, param] of params.entries()) {
    for (const protocol of p.bounds.get(param) ?? []) if (!hasImpl(p, args[i] ?? ErrorType, protocol, data)) return { param, protocol, type: args[i]! };
  }
  return null;
}

/** What `receiver.method(...)` calls: its parameters after self and its result, with the impl's
 * parameters replaced by their types in the receiver (`targs`, for its bounds), and the method's
 * own type parameters (`own`: the call's arguments fix them); or the methods the type has, for
 * the message. */
export function lookupMethod(p: Protocols, receiver: Type, method: string, types: TypeTable):
  { params: readonly Type[]; ret: Type; impl: ImplInfo | null; targs: readonly Type[]; own: readonly Type[]; loc?: Loc | undefined } | { methods: readonly string[] } {
  const h = receiver.head;
  if (h.kind === "param") {
    const all: string[] = [];
    for (const b of p.bounds.get(h) ?? []) {
      const protocol = p.protocols.get(b)!;
      const sig = protocol.sigs.get(method);
      all.push(...protocol.sigs.keys());
      if (!sig) continue;
      const sub = new Map([[protocol.self, h]]);
      return { params: sig.params.map((t) => substitute(types, t, sub)), ret: substitute(types, sig.ret, sub), impl: null, targs: [], own: [] };
    }
    return { methods: all };
  }
  const names: string[] = [];
  for (const m of p.methods) {
    const sub = matchType(m.impl.type, receiver, m.impl.tparams);
    if (sub === null) continue;
    if (m.name !== method) {
      if (!names.includes(m.name)) names.push(m.name);
      continue;
    }
    const targs = m.impl.tparams.map((param) => sub.get(param) ?? ErrorType);
    return { params: m.params.map((t) => substitute(types, t, sub)), ret: substitute(types, m.ret, sub), impl: m.impl, targs, own: m.own, loc: m.loc };
  }
  return { methods: names };
}
