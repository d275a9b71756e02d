// The program's type aliases and records (part of check-types), and how a
// type written in the program becomes one of the checker's types
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

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { parseType, type TypeTree } from "../ir-defs/type-syntax.js";
import type { Loc } from "../il/node.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { dependencyOrder } from "./dependency-order.js";
import { typeLocOf } from "./parser.js";
import { maxFields } from "../ir-defs/heap-layout.js";
import { BoolType, builtinTypeNames, ErrorType, IntType, show, StringType, tooBig, UnitType, type Type, type TypeTable } from "./types.js";

export interface TypeItems {
  /** Each record's fields, in declaration order, with their types. */
  readonly fields: ReadonlyMap<string, readonly { readonly name: string; readonly type: Type }[]>;
  /** A type the program uses (in a let, parameter, result, field or const), aliases kept in
   * it; an unknown name, or a type too big to write out, is reported at loc and gives Error. */
  readonly resolve: (type: string, loc: Loc | undefined) => Type;
}

const baseTypes: ReadonlyMap<string, Type> = new Map([["Int", IntType], ["Bool", BoolType], ["Unit", UnitType], ["String", StringType]]);

/** Checks the type aliases and records among `items` (the first item of each name). */
export function checkTypeItems(items: Iterable<Lsrc.Item>, types: TypeTable, sink: DiagnosticSink): TypeItems {
  const aliases = new Map<string, { item: Lsrc.TypeAlias; tree: TypeTree | null }>();
  const records = new Map<string, Lsrc.Record>();
  for (const item of items) {
    if (item.kind !== "TypeAlias" && item.kind !== "Record") continue;
    if (builtinTypeNames.has(item.name)) sink.report(item.loc, `\`${item.name}\` is a built-in type: choose another name`);
    else if (item.kind === "TypeAlias") aliases.set(item.name, { item, tree: parseType(item.type) });
    else records.set(item.name, item);
  }

  const named = new Map<string, Type>(); // aliases once worked out, and records
  for (const name of records.keys()) named.set(name, types.named(name));
  /** The type a tree names; an unknown name is reported at loc (and the type is Error: types.ts). */
  const fromTree = (t: TypeTree, loc: Loc | undefined): Type => {
    const part = (x: TypeTree) => fromTree(x, loc);
    switch (t.kind) {
      case "name": {
        const found = baseTypes.get(t.name) ?? named.get(t.name);
        if (found) return found;
        if (!aliases.has(t.name)) sink.report(loc, `unknown type \`${t.name}\` (the types are Int, Bool, Unit, String, records, aliases, tuples, Array[T], Box[T] and fn(...) -> ...)`);
        return ErrorType; // an alias that is an error was reported as one
      }
      case "tuple": return types.tuple(t.elems.map(part));
      case "Array": case "Box": return types.named(t.kind, [part(t.elem)]);
      case "fn": return types.fn(t.params.map(part), part(t.ret));
    }
  };

  const aliasesNamed = (t: TypeTree | null, out: string[] = []): string[] => {
    if (t === null) return out;
    if (t.kind === "name") {
      if (aliases.has(t.name)) out.push(t.name);
    } else for (const part of t.kind === "tuple" ? t.elems : t.kind === "fn" ? [...t.params, t.ret] : [t.elem]) aliasesNamed(part, out);
    return out;
  };
  const { order, broken } = dependencyOrder(aliases.keys(), (name) => aliasesNamed(aliases.get(name)!.tree), (start, cycle) => {
    sink.report(aliases.get(start)!.item.loc, `the type alias \`${start}\` refers to itself: ${cycle} (use a record to make a recursive type)`);
  });
  for (const name of order) {
    const { item, tree } = aliases.get(name)!;
    const target = broken.has(name) || tree === null ? ErrorType : fromTree(tree, typeLocOf(item) ?? item.loc);
    if (target !== ErrorType) named.set(name, types.alias(name, target));
  }

  const resolve = (text: string, loc: Loc | undefined): Type => {
    const tree = parseType(text);
    const type = tree === null ? ErrorType : fromTree(tree, loc);
    const why = tooBig(type);
    if (why === null) return type;
    sink.report(loc, `the type ${show(type)} ${why}`);
    return ErrorType;
  };

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
