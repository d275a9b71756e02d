// The program's type aliases, records and unions (part of check-types), and
// how a type written in the program becomes one of the checker's types
// (front-end/types.ts). spec/language.md states the rules.
//
// Aliases are worked out in dependency order (dependency-order.ts), each after
// the aliases it names, so a chain of any length costs no stack, and one that
// names itself is an error naming the cycle. Each alias becomes an alias node
// over what it names: nothing is expanded, so `type A1 = (A0, A0)` ...
// `type A30 = (A29, A29)` costs thirty nodes. A type is written out in full
// only for the ILs after check-types, so every type the program uses (in a
// `let`, a parameter, a result, a field, a const) must be small enough to
// write out (types.ts, tooBig); an alias that is never used may name anything.
//
// Records and unions are nominal, so they may refer to themselves and to each
// other in any order. A generic one (`record Pair[A, B]`, `union Option[T]`)
// has type parameters, params in types.ts, which its fields' types use; a use
// of it names it with as many type arguments (`Pair[Int, Bool]`), and its
// fields there are its fields' types with the params replaced (`fieldsOf`).

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { namedTypes, parseType, type TypeTree } from "../ir-defs/type-syntax.js";
import type { Loc } from "../il/node.js";
import { didYouMean, type DiagnosticSink } from "./diagnostics.js";
import { dependencyOrder } from "./dependency-order.js";
import { substitute } from "./inference.js";
import { typeLocOf } from "./parser.js";
import { maxFields } from "../ir-defs/heap-layout.js";
import { BoolType, builtinTypeNames, ErrorType, IntType, show, StringType, tooBig, UnitType, type Type, type TypeTable } from "./types.js";

export interface FieldInfo {
  readonly name: string;
  readonly type: Type;
}

/** A record (`params` empty unless it is generic) or a union. */
export interface RecordInfo {
  readonly name: string;
  readonly params: readonly Type[];
  readonly fields: readonly FieldInfo[];
}

export interface UnionInfo {
  readonly name: string;
  readonly params: readonly Type[];
  readonly ctors: readonly CtorInfo[];
}

/** A union's constructor: its fields' types use the union's params. */
export interface CtorInfo {
  readonly name: string;
  readonly union: UnionInfo;
  /** Its position among the union's constructors, from 0. */
  readonly index: number;
  readonly fields: readonly FieldInfo[];
}

/** What a written type may name besides the program's own types: the type parameters of the
 * generic item it is written in, and where to note each item it uses. */
export interface TypeScope {
  readonly params: ReadonlyMap<string, Type>;
  readonly uses: Set<string> | null;
}

export const globalScope: TypeScope = { params: new Map(), uses: null };

export interface TypeItems {
  readonly records: ReadonlyMap<string, RecordInfo>;
  readonly unions: ReadonlyMap<string, UnionInfo>;
  /** Every union's constructors, by name (names are unique: check-types says so). */
  readonly ctors: ReadonlyMap<string, CtorInfo>;
  /** The aliases, records and unions that each alias, record and union names. */
  readonly uses: ReadonlyMap<string, ReadonlySet<string>>;
  /** A type the program uses (in a let, parameter, result, field or const), aliases kept in
   * it; an unknown name, or a type too big to write out, is reported at loc and gives Error. */
  readonly resolve: (type: string, loc: Loc | undefined, scope?: TypeScope) => Type;
  /** The fields of a record type, its arguments in place of its params; undefined for any other type. */
  readonly fieldsOf: (type: Type) => readonly FieldInfo[] | undefined;
}

const baseTypes: ReadonlyMap<string, Type> = new Map([["Int", IntType], ["Bool", BoolType], ["Unit", UnitType], ["String", StringType]]);

/** A generic item's type parameters as params owned by it; a repeated name and a built-in
 * type's name are reported (bounds are front-end/protocols.ts's). */
export function typeParamsOf(owner: string, tparams: readonly Lsrc.TypeParam[], types: TypeTable, sink: DiagnosticSink): Map<string, Type> {
  const params = new Map<string, Type>();
  for (const tp of tparams) {
    if (params.has(tp.name)) sink.report(tp.loc, `\`${tp.name}\` is a type parameter of \`${owner}\` twice`);
    else if (builtinTypeNames.has(tp.name)) sink.report(tp.loc, `\`${tp.name}\` is a built-in type: choose another name for the type parameter`);
    if (!params.has(tp.name)) params.set(tp.name, types.param(owner, tp.name));
  }
  return params;
}

type DataItem = Lsrc.Record | Lsrc.GenericRecord | Lsrc.Union | Lsrc.GenericUnion;

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** Checks the type aliases, records and unions among `items` (the first item of each name). */
export function checkTypeItems(items: Iterable<Lsrc.Item>, types: TypeTable, sink: DiagnosticSink): TypeItems {
  const aliases = new Map<string, { item: Lsrc.TypeAlias; tree: TypeTree | null }>();
  const data = new Map<string, { item: DataItem; params: Map<string, Type> }>();
  const protocols = new Set<string>();
  for (const item of items) {
    if (item.kind === "Protocol") protocols.add(item.name);
    if (item.kind !== "TypeAlias" && item.kind !== "Record" && item.kind !== "GenericRecord" && item.kind !== "Union" && item.kind !== "GenericUnion") continue;
    if (builtinTypeNames.has(item.name)) sink.report(item.loc, `\`${item.name}\` is a built-in type: choose another name`);
    else if (item.kind === "TypeAlias") aliases.set(item.name, { item, tree: parseType(item.type) });
    else {
      const tparams = item.kind === "GenericRecord" || item.kind === "GenericUnion" ? item.tparams : [];
      for (const tp of tparams) if (tp.bounds.length > 0) sink.report(tp.loc, `a bound belongs on the functions and impls that need it, not on the type \`${item.name}\``);
      data.set(item.name, { item, params: typeParamsOf(item.name, tparams, types, sink) });
    }
  }

  const named = new Map<string, Type>(); // aliases once worked out
  const arity = (name: string) => data.get(name)!.params.size;
  /** The type a tree names; an unknown name is reported at loc (and the type is Error: types.ts). */
  const fromTree = (t: TypeTree, loc: Loc | undefined, scope: TypeScope): Type => {
    const part = (x: TypeTree) => fromTree(x, loc, scope);
    switch (t.kind) {
      case "name": {
        const args = t.args ?? [];
        const param = scope.params.get(t.name);
        const simple = param ?? baseTypes.get(t.name) ?? named.get(t.name);
        if (data.has(t.name) && param === undefined) {
          scope.uses?.add(t.name);
          const wanted = arity(t.name);
          if (args.length === wanted) return types.named(t.name, args.map(part));
          sink.report(loc, wanted === 0 ? `\`${t.name}\` takes no type arguments` : `\`${t.name}\` takes ${plural(wanted, "type argument")}, found ${args.length}: \`${t.name}[${[...data.get(t.name)!.params.keys()].join(", ")}]\``);
          return ErrorType;
        }
        if (simple || aliases.has(t.name)) {
          if (aliases.has(t.name) && param === undefined) scope.uses?.add(t.name);
          if (args.length === 0) return simple ?? ErrorType; // an alias that is an error was reported as one
          sink.report(loc, `\`${t.name}\` takes no type arguments`);
          return ErrorType;
        }
        if (t.name === "Chan" && param === undefined) { // the built-in channel type (check-tasks.ts)
          if (args.length === 1) return types.named("Chan", args.map(part));
          sink.report(loc, `\`Chan\` takes 1 type argument, found ${args.length}: \`Chan[T]\``);
          return ErrorType;
        }
        if (t.name === "Self") sink.report(loc, "`Self` outside an impl or a protocol: it is the type an impl is for");
        else if (protocols.has(t.name)) {
          // (no value has a protocol as its type: a generic function takes any type of the protocol)
          sink.report(loc, `\`${t.name}\` is a protocol, not a type: for a value of any type that has it, take a type parameter, \`fn f[T: ${t.name}](x: T)\``);
        } else {
          const near = didYouMean(t.name, [...scope.params.keys(), ...baseTypes.keys(), ...builtinTypeNames, ...aliases.keys(), ...data.keys()]);
          sink.report(loc, `unknown type \`${t.name}\`${near || " (the types are Int, Bool, Unit, String, records, unions, aliases, tuples, Array[T], Box[T], Chan[T] and fn(...) -> ...)"}`);
        }
        return ErrorType;
      }
      case "tuple": return types.tuple(t.elems.map(part));
      case "Array": case "Box": return types.named(t.kind, [part(t.elem)]);
      case "fn": return types.fn(t.params.map(part), part(t.ret));
    }
  };

  const uses = new Map<string, Set<string>>();
  const scopeOf = (name: string, params: ReadonlyMap<string, Type> = new Map()): TypeScope => {
    const set = new Set<string>();
    uses.set(name, set);
    return { params, uses: set };
  };
  const { order, broken } = dependencyOrder(aliases.keys(), (name) => {
    const tree = aliases.get(name)!.tree;
    return tree === null ? [] : namedTypes(tree).map((t) => t.name).filter((n) => aliases.has(n));
  }, (start, cycle) => {
    sink.report(aliases.get(start)!.item.loc, `the type alias \`${start}\` refers to itself: ${cycle} (use a record to make a recursive type)`);
  });
  for (const name of order) {
    const { item, tree } = aliases.get(name)!;
    const target = broken.has(name) || tree === null ? ErrorType : fromTree(tree, typeLocOf(item) ?? item.loc, scopeOf(name));
    if (target !== ErrorType) named.set(name, types.alias(name, target));
  }

  const resolve = (text: string, loc: Loc | undefined, scope: TypeScope = globalScope): Type => {
    const tree = parseType(text);
    const type = tree === null ? ErrorType : fromTree(tree, loc, scope);
    const why = tooBig(type);
    if (why === null) return type;
    sink.report(loc, `the type ${show(type)} ${why}`);
    return ErrorType;
  };
  /** A record's or constructor's fields: each name once, at most maxFields, each type resolved. */
  const fieldsFrom = (owner: string, fields: readonly Lsrc.FieldDecl[], loc: Loc | undefined, scope: TypeScope): FieldInfo[] => {
    const seen = new Set<string>();
    for (const f of fields) {
      if (seen.has(f.name)) sink.report(f.loc, `\`${owner}\` has a field \`${f.name}\` twice`);
      seen.add(f.name);
    }
    if (fields.length > maxFields) sink.report(loc, `\`${owner}\` has ${fields.length} fields: at most ${maxFields} are supported`);
    return fields.map((f) => ({ name: f.name, type: resolve(f.type, typeLocOf(f) ?? f.loc, scope) }));
  };

  const records = new Map<string, RecordInfo>();
  const unions = new Map<string, UnionInfo>();
  const ctors = new Map<string, CtorInfo>();
  for (const { item, params } of data.values()) {
    const scope = scopeOf(item.name, params);
    const paramTypes = [...params.values()];
    if (item.kind === "Record" || item.kind === "GenericRecord") {
      records.set(item.name, { name: item.name, params: paramTypes, fields: fieldsFrom(item.name, item.fields, item.loc, scope) });
      continue;
    }
    if (item.ctors.length === 0) sink.report(item.loc, `the union \`${item.name}\` has no constructors: it needs at least one`);
    const union: { name: string; params: readonly Type[]; ctors: CtorInfo[] } = { name: item.name, params: paramTypes, ctors: [] };
    item.ctors.forEach((ctor, index) => {
      const info: CtorInfo = { name: ctor.name, union, index, fields: fieldsFrom(ctor.name, ctor.fields, ctor.loc, scope) };
      union.ctors.push(info);
      if (!ctors.has(ctor.name)) ctors.set(ctor.name, info);
    });
    unions.set(item.name, union);
  }

  const fieldsOf = (type: Type): readonly FieldInfo[] | undefined => {
    const t = type.head;
    const record = t.kind === "named" ? records.get(t.name) : undefined;
    if (!record || t.kind !== "named") return undefined;
    if (record.params.length === 0) return record.fields;
    const sub = new Map(record.params.map((p, i) => [p, t.args[i] ?? ErrorType]));
    return record.fields.map((f) => ({ name: f.name, type: substitute(types, f.type, sub) }));
  };
  return { records, unions, ctors, uses, resolve, fieldsOf };
}
