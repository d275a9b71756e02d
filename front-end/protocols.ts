// Protocols, impls and methods (part of check-types): the program's protocols
// with their methods' signatures, every impl with its methods, and the
// questions the typing rules ask of them: which methods a type has, whether a
// type has an impl of a protocol (a type parameter has one when its bounds say
// so), and what a method call on a type means. spec/language.md, "Methods and
// protocols", states the rules.
//
// A type's methods are one namespace: those of its inherent impls and of every
// protocol impl for it, each name once. An impl is for a type's head (Int,
// Bool, String, Unit, a record or a union): an impl of a generic type is for
// all its instances and names its parameters, `impl[T] Stack[T]`, so a value's
// type alone says which method a call means, before and after monomorphize.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type { Loc } from "../il/node.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { substitute } from "./inference.js";
import { typeLocOf } from "./parser.js";
import type { TypeItems, TypeScope } from "./type-items.js";
import { ErrorType, show, UnitType, type Type, type TypeTable } from "./types.js";

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
  /** The type it is for, its parameters inside (`Stack[T]`), and that type's head. */
  readonly type: Type;
  readonly head: string;
  readonly tparams: readonly Type[];
  /** Its type parameters and `Self`, for its methods' types. */
  readonly scope: TypeScope;
  readonly item: Lsrc.Impl | Lsrc.ProtocolImpl;
}

export interface MethodInfo extends MethodSignature {
  readonly impl: ImplInfo;
  readonly fn: Lsrc.Fn;
}

export interface Protocols {
  readonly protocols: ReadonlyMap<string, ProtocolInfo>;
  readonly impls: readonly ImplInfo[];
  /** Each head's methods, by name. */
  readonly methods: ReadonlyMap<string, ReadonlyMap<string, MethodInfo>>;
  /** The bounds of each type parameter: protocols' names. */
  readonly bounds: Map<Type, readonly string[]>;
}

/** The head of a type an impl may be for: Int, Bool, String, Unit, a record's or a union's name. */
export function headOf(t: Type, data: TypeItems): string | null {
  const h = t.head;
  if (h.kind !== "named") return null;
  return ["Int", "Bool", "String", "Unit"].includes(h.name) || data.records.has(h.name) || data.unions.has(h.name) ? h.name : null;
}

/** A generic item's bounds: each must name a protocol. */
export function noteBounds(p: Protocols, tparams: readonly Lsrc.TypeParam[], params: ReadonlyMap<string, Type>, sink: DiagnosticSink): void {
  for (const tp of tparams) {
    const param = params.get(tp.name);
    for (const b of tp.bounds) if (!p.protocols.has(b)) sink.report(tp.loc, `\`${b}\` in the bound of \`${tp.name}\` is not a protocol`);
    if (param && tp.bounds.length > 0) p.bounds.set(param, tp.bounds.filter((b) => p.protocols.has(b)));
  }
}

/** A method's parameters after `self`, and its result; `self` must come first. */
function signature(fn: Lsrc.Fn | Lsrc.Sig, scope: TypeScope, data: TypeItems, sink: DiagnosticSink, what: string): MethodSignature {
  const [first, ...rest] = fn.params;
  if (first?.name !== "self") sink.report(fn.loc, `the method \`${fn.name}\` must take \`self\` first: \`fn ${fn.name}(self${fn.params.length > 0 ? ", ..." : ""})\` (${what})`);
  for (const p of rest) if (p.name === "self") sink.report(p.loc, "`self` may only be a method's first parameter");
  const params = (first?.name === "self" ? rest : fn.params).map((p) => data.resolve(p.type, typeLocOf(p) ?? p.loc, scope));
  const ret = fn.ret === null ? UnitType : data.resolve(fn.ret, typeLocOf(fn) ?? fn.loc, scope);
  return { name: fn.name, params, ret, loc: fn.loc };
}

/** Checks the protocols and impls; `own` says which items the program itself declares
 * (an impl is written where its protocol or its type is declared). */
export function checkProtocols(
  protocolItems: readonly Lsrc.Protocol[], impls: readonly { item: Lsrc.Impl | Lsrc.ProtocolImpl; own: boolean }[],
  own: ReadonlySet<string>, data: TypeItems, types: TypeTable, sink: DiagnosticSink,
  typeParams: (owner: string, tparams: readonly Lsrc.TypeParam[]) => Map<string, Type>,
): Protocols {
  const protocols = new Map<string, ProtocolInfo>();
  const p: Protocols = { protocols, impls: [], methods: new Map(), bounds: new Map() };
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
  const seen = new Map<string, ImplInfo>(); // "P for head" -> its impl
  const methods = p.methods as Map<string, Map<string, MethodInfo>>;
  for (const { item, own: ownImpl } of impls) {
    const protocol = item.kind === "ProtocolImpl" ? item.protocol : null;
    const what = protocol ? `impl ${protocol} for ${item.type}` : `impl ${item.type}`;
    if (protocol !== null && !protocols.has(protocol)) {
      sink.report(item.loc, `\`${protocol}\` is not a protocol`);
      continue;
    }
    const params = typeParams(what, item.tparams);
    const type = data.resolve(item.type, typeLocOf(item) ?? item.loc, { params, uses: null });
    if (type === ErrorType) continue;
    const head = headOf(type, data);
    const typeLoc = typeLocOf(item) ?? item.loc;
    if (head === null) {
      sink.report(typeLoc, `an impl is for Int, Bool, String, Unit, a record or a union, not ${show(type)}`);
      continue;
    }
    const args = type.head.kind === "named" ? type.head.args : [];
    if (args.length !== params.size || args.some((a, i) => a.kind !== "param" || args.indexOf(a) !== i)) {
      const want = `${head}[${args.map((_, i) => String.fromCharCode(65 + i)).join(", ")}]`;
      sink.report(typeLoc, args.length === 0 ? `\`${head}\` is not generic: \`${what}\` takes no type parameters` : `an impl of a generic type is for all its instances: write \`impl[${args.map((_, i) => String.fromCharCode(65 + i)).join(", ")}] ${protocol ? `${protocol} for ` : ""}${want}\``);
      continue;
    }
    const ownType = own.has(head);
    if (ownImpl && !ownType && !(protocol !== null && own.has(protocol))) {
      sink.report(item.loc, protocol === null
        ? `\`impl ${item.type}\` must be written where \`${head}\` is declared: an inherent impl is for a record or union of this module`
        : `\`${what}\`: this module declares neither the protocol \`${protocol}\` nor the type \`${head}\``);
      continue;
    }
    const scope: TypeScope = { params: new Map([...params, ["Self", type]]), uses: new Set() };
    const impl: ImplInfo = { protocol, type, head, tparams: args, scope, item }; // (in the order of the type's arguments)
    if (protocol !== null) {
      const first = seen.get(`${protocol} for ${head}`);
      if (first) {
        sink.report(item.loc, `a second impl of \`${protocol}\` for \`${head}\``, first.item.loc ? [{ loc: first.item.loc, message: "the first one is here" }] : []);
        continue;
      }
      seen.set(`${protocol} for ${head}`, impl);
    }
    (p.impls as ImplInfo[]).push(impl);
    noteBounds(p, item.tparams, params, sink);
    const table = methods.get(head) ?? new Map<string, MethodInfo>();
    methods.set(head, table);
    for (const fn of item.methods) {
      if (fn.kind !== "Fn") {
        sink.report(fn.loc, fn.kind === "GenericFn" ? `a method cannot have type parameters of its own (\`${fn.name}\`): give them to the impl` : "an impl holds only methods (`fn`)");
        continue;
      }
      const sig = signature(fn, scope, data, sink, `a method of \`${what}\``);
      const first = table.get(fn.name);
      if (first) {
        sink.report(fn.loc, `\`${head}\` has a method \`${fn.name}\` twice`, first.loc ? [{ loc: first.loc, message: `the first \`${fn.name}\` is here${first.impl.protocol ? `, in \`impl ${first.impl.protocol} for ${head}\`` : ""}` }] : []);
        continue;
      }
      table.set(fn.name, { ...sig, impl, fn });
    }
    if (protocol !== null) matchProtocol(protocols.get(protocol)!, impl, table, types, sink);
  }
  return p;
}

/** An impl of a protocol has each of its methods, of its signature with Self the impl's type, and no other. */
function matchProtocol(protocol: ProtocolInfo, impl: ImplInfo, table: ReadonlyMap<string, MethodInfo>, types: TypeTable, sink: DiagnosticSink): void {
  const sub = new Map([[protocol.self, impl.type]]);
  const mine = [...table.values()].filter((m) => m.impl === impl);
  const missing = [...protocol.sigs.keys()].filter((name) => !mine.some((m) => m.name === name));
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

/** Whether `t` has an impl of `protocol`: a type parameter by its bounds, any other type by an
 * impl for its head whose own bounds its type arguments meet. */
export function hasImpl(p: Protocols, t: Type, protocol: string, data: TypeItems): boolean {
  const h = t.head;
  if (h.kind === "never" || h.kind === "error") return true;
  if (h.kind === "param") return p.bounds.get(h)?.includes(protocol) ?? false;
  const head = headOf(t, data);
  const impl = head === null ? undefined : p.impls.find((i) => i.protocol === protocol && i.head === head);
  if (!impl || h.kind !== "named") return false;
  return impl.tparams.every((param, i) => (p.bounds.get(param) ?? []).every((b) => hasImpl(p, h.args[i] ?? ErrorType, b, data)));
}

/** The first bound of an impl's or a generic function's parameters that the arguments do not
 * meet: which parameter, which protocol, which type; null when all are met. */
export function unmetBound(p: Protocols, params: readonly Type[], args: readonly Type[], data: TypeItems): { param: Type; protocol: string; type: Type } | null {
  for (const [i, param] of params.entries()) {
    for (const protocol of p.bounds.get(param) ?? []) if (!hasImpl(p, args[i] ?? ErrorType, protocol, data)) return { param, protocol, type: args[i]! };
  }
  return null;
}

/** What `receiver.method(...)` calls: its parameters after self and its result, with the
 * receiver's type arguments in place; or the methods the type has, for the message. */
export function lookupMethod(p: Protocols, receiver: Type, method: string, data: TypeItems, types: TypeTable):
  { params: readonly Type[]; ret: Type; impl: ImplInfo | null } | { methods: readonly string[] } {
  const h = receiver.head;
  if (h.kind === "param") {
    const all: string[] = [];
    for (const b of p.bounds.get(h) ?? []) {
      const protocol = p.protocols.get(b)!;
      const sig = protocol.sigs.get(method);
      all.push(...protocol.sigs.keys());
      if (!sig) continue;
      const sub = new Map([[protocol.self, h]]);
      return { params: sig.params.map((t) => substitute(types, t, sub)), ret: substitute(types, sig.ret, sub), impl: null };
    }
    return { methods: all };
  }
  const head = headOf(receiver, data);
  const table = head === null ? undefined : p.methods.get(head);
  const found = table?.get(method);
  if (!found || h.kind !== "named") return { methods: [...(table?.keys() ?? [])] };
  const sub = new Map(found.impl.tparams.map((param, i) => [param, h.args[i] ?? ErrorType] as const));
  return { params: found.params.map((t) => substitute(types, t, sub)), ret: substitute(types, found.ret, sub), impl: found.impl };
}
