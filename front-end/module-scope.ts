// A module's scope, and its items renamed through it (resolve-modules). In a
// module, a name means, innermost first: a local variable; an item of the
// module itself, or one brought in by `use a.b.{x}`; else the prelude's (or a
// built-in). `b.x`, where `b` is a module that `use a.b` names (and no local
// variable hides it), is the item x of that module, and must be `pub` there.
// Every name of an item is rewritten to the name that item has in the whole
// program: its own for an item of the program's own file, `a.b/x` for the
// module a.b's (spec/symbols.md). A type's methods keep their names: they are
// named after their type (resolve-methods), which goes wherever the type goes.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import { rewriter, type Recur } from "../il/rewrite.js";
import type { AnyNode, Loc } from "../il/node.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { keepTypeLoc } from "./parser.js";

/** An item a module declares, under the name it is written with there. */
export interface Declared {
  /** Its name in the whole program: `area`, `geometry/area`. */
  readonly resolved: string;
  readonly pub: boolean;
  readonly ctor: boolean;
  /** A union's constructors (written names): `use m.{Shape}` brings them in too. */
  readonly ctors?: readonly string[];
  readonly loc: Loc | undefined;
}

/** A module: its full path ([] for the program's own file), file, and what it declares. */
export interface ModuleInfo {
  readonly path: readonly string[];
  /** How messages name it: its full path, `a.b`, or the program's own file's module name. */
  readonly name: string;
  readonly file: string;
  readonly items: readonly Lmodules.Item[];
  readonly declared: ReadonlyMap<string, Declared>;
}

/** What a module's code can name: its items and direct imports, and the modules `use` names. */
export interface Scope {
  readonly names: ReadonlyMap<string, Declared>;
  readonly modules: ReadonlyMap<string, ModuleInfo>;
  /** What a name in no scope means (the prelude's, a built-in's, or an error: resolve-modules). */
  readonly free: (name: string, loc: Loc | undefined) => string;
  /** The names in no scope that `free` does not leave as they are. */
  readonly reserved: ReadonlySet<string>;
}

/** An item as declared, without its `pub`. */
export const declaredItem = (item: Lmodules.Item): Lmodules.Item => (item.kind === "Pub" ? item.item : item);

/** The names a module's items declare, each with its name in the whole program (`rename`). */
export function declarationsOf(items: readonly Lmodules.Item[], rename: (name: string) => string): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  const add = (name: string, pub: boolean, ctor: boolean, loc: Loc | undefined, ctors?: readonly string[]) => {
    if (!declared.has(name)) declared.set(name, { resolved: rename(name), pub, ctor, loc, ...(ctors ? { ctors } : {}) }); // (a second is check-types' to report)
  };
  for (const outer of items) {
    const item = declaredItem(outer);
    const pub = outer.kind === "Pub";
    switch (item.kind) {
      case "Union": case "GenericUnion":
        add(item.name, pub, false, item.loc, item.ctors.map((c) => c.name));
        for (const ctor of item.ctors) add(ctor.name, pub, true, ctor.loc);
        break;
      case "Fn": case "GenericFn": case "Record": case "GenericRecord": case "Const": case "TypeAlias": case "Protocol":
        add(item.name, pub, false, item.loc);
        break;
    }
  }
  return declared;
}

/** The item `name` of `module`, as used from another module at `loc`: its name in the whole
 * program; an unknown or private one is reported (and its name is left as written). */
export function memberOf(module: ModuleInfo, name: string, loc: Loc | undefined, sink: DiagnosticSink): string {
  const d = module.declared.get(name);
  if (d === undefined) {
    sink.report(loc, `the module \`${module.name}\` has no item \`${name}\``);
    return name;
  }
  if (!d.pub) {
    const where = d.loc ? `${module.file}:${d.loc.line}:${d.loc.col}` : module.file;
    sink.report(loc, `\`${name}\` is private to the module \`${module.name}\` (declared at ${where} without \`pub\`)`, d.loc ? [{ loc: { ...d.loc, file: module.file }, message: `\`${name}\` is declared here` }] : []);
  }
  return d.resolved;
}

const builtinTypes = new Set(["Int", "Bool", "Unit", "String", "Self", "Chan"]);

interface Ctx {
  /** Local variables (and type parameters) that hide a name of the scope: only those matter. */
  readonly locals: ReadonlySet<string>;
}

/** A module's items (its `pub`, `use` and header gone), every name of an item as the whole program names it. */
export function renameItems(items: readonly Lsrc.Item[], scope: Scope, sink: DiagnosticSink): Lsrc.Item[] {
  const hides = (name: string) => scope.names.has(name) || scope.modules.has(name) || scope.reserved.has(name);
  const bind = (ctx: Ctx, names: readonly string[]): Ctx => {
    const hiding = names.filter(hides);
    return hiding.length === 0 ? ctx : { locals: new Set([...ctx.locals, ...hiding]) };
  };
  const resolve = (name: string, loc: Loc | undefined, ctx: Ctx): string => {
    if (ctx.locals.has(name)) return name;
    const sep = name.indexOf("/");
    if (sep >= 0) { // `shapes/Point`: written `shapes.Point`
      const alias = name.slice(0, sep);
      const module = scope.modules.get(alias);
      if (module) return memberOf(module, name.slice(sep + 1), loc, sink);
      sink.report(loc, `no module \`${alias}\` is imported here (\`${alias}.${name.slice(sep + 1)}\` needs a \`use ...${alias}\`)`);
      return name;
    }
    return scope.names.get(name)?.resolved ?? scope.free(name, loc);
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
        const isCtor = p.name.includes("/") || (!ctx.locals.has(p.name) && scope.names.get(p.name)?.ctor === true);
        if (isCtor) return { ...p, name: resolve(p.name, p.loc, ctx) };
        bound.push(p.name);
        return p;
      }
      case "CtorPat": return { ...p, ctor: resolve(p.ctor, p.loc, ctx), args: p.args.map((a) => pattern(a, ctx, bound)) };
      case "TuplePat": return { ...p, elems: p.elems.map((e) => pattern(e, ctx, bound)) };
      default: return p;
    }
  };
  const typeParams = (tparams: readonly Lsrc.TypeParam[], ctx: Ctx) => tparams.map((t) => ({ ...t, bounds: t.bounds.map((b) => resolve(b, t.loc, ctx)) }));
  const withTypes = <N extends { readonly kind: string; readonly loc?: Loc }>(node: N, out: Record<string, unknown>, ctx: Ctx): N => {
    for (const f of LsrcIL.kinds.get(node.kind)!.fields) {
      if (f.type === "type" && typeof out[f.name] === "string") out[f.name] = type(out[f.name] as string, node.loc, ctx);
    }
    return keepTypeLoc(node, out as unknown as N);
  };
  /** A function (or a method, `keepName`): its parameters and type parameters are its locals. */
  const fn = (node: Lsrc.Fn | Lsrc.GenericFn, ctx: Ctx, recur: Recur<Ctx>, keepName: boolean) => {
    const tparams = node.kind === "GenericFn" ? node.tparams.map((t) => t.name) : [];
    const inner = bind(ctx, [...tparams, ...node.params.map((p) => p.name)]);
    const out: Record<string, unknown> = { ...node, name: keepName ? node.name : resolve(node.name, node.loc, ctx), params: node.params.map((p) => withTypes(p, { ...p }, inner)), body: recur(node.body, inner) };
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
        if (s.kind === "Let" || s.kind === "Using") inner = bind(inner, [s.name]);
        return out;
      });
      return { ...node, stmts };
    },
    For: (node, ctx, recur) => ({ ...node, from: recur(node.from, ctx), to: recur(node.to, ctx), body: recur(node.body, bind(ctx, [node.name])) }),
    ForEach: (node, ctx, recur) => ({ ...node, iter: recur(node.iter, ctx), body: recur(node.body, bind(ctx, [node.name])) }),
    Lambda: (node, ctx, recur) => {
      const inner = bind(ctx, node.params.map((p) => p.name));
      return withTypes(node, { ...node, params: node.params.map((p) => withTypes(p, { ...p }, ctx)), body: recur(node.body, inner) }, ctx);
    },
    Arm: (node, ctx, recur) => {
      const bound: string[] = [];
      const p = pattern(node.pattern, ctx, bound);
      const inner = bind(ctx, bound);
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
    Let: generic, Using: generic, Sig: generic, Param: generic, FieldDecl: generic, Channel: generic,
  });
  return items.map((item) => rename(item, { locals: new Set() }) as Lsrc.Item);
}
