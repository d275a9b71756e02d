// A module's items renamed through its scope (resolve-modules): every name of
// an item is rewritten to the name that item has in the whole program: its own
// for an item of the program's own file, `a.b/x` for the module a.b's, the
// prelude's own or `prelude.X` (spec/symbols.md). A name means, innermost
// first: a local variable; a name of the module's scope (its items, its
// direct imports, then the prelude's: module-scope.ts); else a built-in. `b.x`,
// where `b` is a module that `use a.b` names (and no local variable hides it),
// is the item x of that module, and must be `pub` there. A variable named like
// an item of the program's own file, which no other module sees, is renamed
// `a.b/x` too, so that check-types never takes it for that item. A type's
// methods keep their names: they are named after their type (resolve-methods),
// which goes wherever the type goes.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import { rewriter, type Recur } from "../il/rewrite.js";
import type { AnyNode, Loc } from "../il/node.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { keepTypeLoc, typeLocOf } from "./parser.js";
import { memberOf, type Scope } from "./module-scope.js";

const builtinTypes = new Set(["Int", "Bool", "Unit", "String", "Self", "Chan"]);

interface Ctx {
  /** Local variables (and type parameters) that hide a name of the scope, each with its name
   * in the ILs: only those matter. */
  readonly locals: ReadonlyMap<string, string>;
}

/** A module's items (its `pub`, `use` and header gone), every name of an item as the whole program names it. */
export function renameItems(items: readonly Lsrc.Item[], scope: Scope, sink: DiagnosticSink): Lsrc.Item[] {
  const hides = (name: string) => scope.names.has(name) || scope.modules.has(name) || scope.outer.has(name) || scope.reserved.has(name);
  const declared = (name: string) => (scope.names.has(name) ? scope.names.get(name) : scope.outer.get(name));
  const bind = (ctx: Ctx, names: readonly string[]): Ctx => {
    const hiding = names.filter(hides);
    return hiding.length === 0 ? ctx : { locals: new Map([...ctx.locals, ...hiding.map((n) => [n, n] as const)]) };
  };
  /** `bind` for variables: one named like an item of the program's own file, which no other
   * module sees, is named as the module's own item would be, `a.b/x`, so that check-types
   * never takes it for that item (a pattern's `Circle` for main's constructor). */
  const bindVars = (ctx: Ctx, names: readonly string[]): Ctx => {
    const hiding = names.filter(hides);
    return hiding.length === 0 ? ctx : { locals: new Map([...ctx.locals, ...hiding.map((n) => [n, scope.reserved.has(n) ? scope.localName(n) : n] as const)]) };
  };
  const local = (ctx: Ctx, name: string) => ctx.locals.get(name) ?? name;
  const resolve = (name: string, loc: Loc | undefined, ctx: Ctx): string => {
    if (ctx.locals.has(name)) return ctx.locals.get(name)!;
    const sep = name.indexOf("/");
    if (sep >= 0) { // `shapes/Point`: written `shapes.Point`
      const alias = name.slice(0, sep);
      const module = scope.modules.get(alias);
      if (module) return memberOf(module, name.slice(sep + 1), loc, sink);
      sink.report(loc, `no module \`${alias}\` is imported here (\`${alias}.${name.slice(sep + 1)}\` needs a \`use ...${alias}\`)`);
      return name;
    }
    return declared(name)?.resolved ?? scope.free(name, loc);
  };
  const type = (text: string | null, loc: Loc | undefined, ctx: Ctx): string | null => {
    if (text === null) return null;
    const tree = parseType(text);
    if (tree === null) return text;
    const go = (t: TypeTree): TypeTree => {
      switch (t.kind) {
        case "name": {
          const name = builtinTypes.has(t.name) ? t.name : resolve(t.name, loc, ctx);
          return { kind: "name", name, ...(t.args ? { args: t.args.map(go) } : {}) };
        }
        case "tuple": return { kind: "tuple", elems: t.elems.map(go) };
        case "fn": return { kind: "fn", params: t.params.map(go), ret: go(t.ret) };
        default: return { kind: t.kind, elem: go(t.elem) };
      }
    };
    return showType(go(tree));
  };
  /** A pattern, its constructors renamed, and the names it binds. */
  const pattern = (p: Lsrc.Pattern, ctx: Ctx, bound: string[]): Lsrc.Pattern => {
    switch (p.kind) {
      case "Binder": {
        const isCtor = p.name.includes("/") || (!ctx.locals.has(p.name) && declared(p.name)?.ctor === true);
        if (isCtor) return { ...p, name: resolve(p.name, p.loc, ctx) };
        bound.push(p.name);
        return { ...p, name: scope.reserved.has(p.name) ? scope.localName(p.name) : p.name };
      }
      case "CtorPat": return { ...p, ctor: resolve(p.ctor, p.loc, ctx), args: p.args.map((a) => pattern(a, ctx, bound)) };
      case "TuplePat": return { ...p, elems: p.elems.map((e) => pattern(e, ctx, bound)) };
      default: return p;
    }
  };
  const typeParams = (tparams: readonly Lsrc.TypeParam[], ctx: Ctx) => tparams.map((t) => ({ ...t, bounds: t.bounds.map((b) => resolve(b, t.loc, ctx)) }));
  const withTypes = <N extends { readonly kind: string; readonly loc?: Loc }>(node: N, out: Record<string, unknown>, ctx: Ctx): N => {
    for (const f of LsrcIL.kinds.get(node.kind)!.fields) {
      if (f.type === "type" && typeof out[f.name] === "string") out[f.name] = type(out[f.name] as string, typeLocOf(node) ?? node.loc, ctx); // (the caret under the type)
    }
    return keepTypeLoc(node, out as unknown as N);
  };
  /** A function (or a method, `keepName`): its parameters and type parameters are its locals. */
  const fn = (node: Lsrc.Fn | Lsrc.GenericFn, ctx: Ctx, recur: Recur<Ctx>, keepName: boolean) => {
    const tparams = node.kind === "GenericFn" ? node.tparams.map((t) => t.name) : [];
    const inner = bindVars(bind(ctx, tparams), node.params.map((p) => p.name));
    const out: Record<string, unknown> = { ...node, name: keepName ? node.name : resolve(node.name, node.loc, ctx), params: node.params.map((p) => withTypes(p, { ...p, name: local(inner, p.name) }, inner)), body: recur(node.body, inner) };
    if (node.kind === "GenericFn") out.tparams = typeParams(node.tparams, inner);
    return withTypes(node, out, inner);
  };
  const generic = <N extends Lsrc.Node>(node: N, ctx: Ctx, recur: Recur<Ctx>): N => withTypes(node, { ...(recur.children(node, ctx) as object) }, ctx);
  const named = (field: string) => <N extends Lsrc.Node>(typed: N, ctx: Ctx, recur: Recur<Ctx>): N => {
    const node = typed as unknown as AnyNode;
    const out: Record<string, unknown> = { ...recur.children(node, ctx) };
    out[field] = resolve(node[field] as string, node.loc, ctx);
    return withTypes(typed, out, ctx);
  };
  const declaring = <N extends Lsrc.Node>(typed: N, ctx: Ctx, recur: Recur<Ctx>): N => {
    const node = typed as unknown as AnyNode;
    const tparams = (node.tparams as Lsrc.TypeParam[] | undefined) ?? [];
    const inner = bind(ctx, tparams.map((t) => t.name));
    const out: Record<string, unknown> = { ...recur.children(node, inner), name: resolve(node.name as string, node.loc, ctx) };
    if (tparams.length > 0) out.tparams = typeParams(tparams, inner);
    if (node.kind === "Union" || node.kind === "GenericUnion") out.ctors = (out.ctors as Lsrc.Ctor[]).map((c) => ({ ...c, name: resolve(c.name, c.loc, ctx) }));
    return withTypes(typed, out, inner);
  };
  const impl = <N extends Lsrc.Impl | Lsrc.ProtocolImpl>(node: N, ctx: Ctx, recur: Recur<Ctx>): N => {
    const inner = bind(ctx, (node.tparams ?? []).map((t) => t.name));
    const methods = node.methods.map((m) => (m.kind === "Fn" || m.kind === "GenericFn" ? fn(m, inner, recur, true) : recur(m, inner)));
    const out: Record<string, unknown> = { ...node, methods, tparams: node.tparams && typeParams(node.tparams, inner) };
    if (node.kind === "ProtocolImpl") out.protocol = resolve(node.protocol, node.loc, ctx);
    return withTypes(node, out, inner);
  };
  const rename = rewriter<Lsrc.Node, Ctx>(LsrcIL, {
    Fn: (node, ctx, recur) => fn(node, ctx, recur, false),
    GenericFn: (node, ctx, recur) => fn(node, ctx, recur, false),
    Impl: impl,
    ProtocolImpl: impl,
    Record: declaring, GenericRecord: declaring, Union: declaring, GenericUnion: declaring, Const: declaring, TypeAlias: declaring, Protocol: declaring,
    Block: (node, ctx, recur) => {
      let inner = ctx;
      const stmts = node.stmts.map((s) => {
        const out = recur<Lsrc.Stmt>(s, inner);
        if (s.kind !== "Let" && s.kind !== "Using") return out;
        inner = bindVars(inner, [s.name]);
        const name = local(inner, s.name);
        return name === s.name ? out : keepTypeLoc(out, { ...out, name });
      });
      return { ...node, stmts };
    },
    For: (node, ctx, recur) => {
      const inner = bindVars(ctx, [node.name]);
      return { ...node, name: local(inner, node.name), from: recur(node.from, ctx), to: recur(node.to, ctx), body: recur(node.body, inner) };
    },
    ForEach: (node, ctx, recur) => {
      const inner = bindVars(ctx, [node.name]);
      return { ...node, name: local(inner, node.name), iter: recur(node.iter, ctx), body: recur(node.body, inner) };
    },
    Lambda: (node, ctx, recur) => {
      const inner = bindVars(ctx, node.params.map((p) => p.name));
      return withTypes(node, { ...node, params: node.params.map((p) => withTypes(p, { ...p, name: local(inner, p.name) }, ctx)), body: recur(node.body, inner) }, ctx);
    },
    Arm: (node, ctx, recur) => {
      const bound: string[] = [];
      const p = pattern(node.pattern, ctx, bound);
      const inner = bindVars(ctx, bound);
      return { ...node, pattern: p, guard: node.guard && recur(node.guard, inner), body: recur(node.body, inner) };
    },
    Var: (node, ctx) => ({ ...node, name: resolve(node.name, node.loc, ctx) }),
    Call: named("callee"),
    RecordLit: named("name"),
    MethodCall: (node, ctx, recur) => {
      const t = node.target;
      const module = t.kind === "Var" && !ctx.locals.has(t.name) ? scope.modules.get(t.name) : undefined;
      if (!module) return generic(node, ctx, recur);
      return { kind: "Call", callee: memberOf(module, node.method, node.loc, sink), args: node.args.map((a) => recur(a, ctx)), loc: node.loc };
    },
    Field: (node, ctx, recur) => {
      const t = node.target;
      const module = t.kind === "Var" && !ctx.locals.has(t.name) ? scope.modules.get(t.name) : undefined;
      if (!module) return generic(node, ctx, recur);
      return { kind: "Var", name: memberOf(module, node.field, node.loc, sink), loc: node.loc };
    },
    Assign: (node, ctx, recur) => ({ ...recur.children(node, ctx), name: local(ctx, node.name) }),
    SetField: (node, ctx, recur) => ({ ...recur.children(node, ctx), name: local(ctx, node.name) }),
    Let: generic, Using: generic, Sig: generic, Param: generic, FieldDecl: generic, Channel: generic,
  });
  return items.map((item) => rename(item, { locals: new Map() }) as Lsrc.Item);
}
