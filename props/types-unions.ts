// The types the generator's `unions` switch adds (props/types.ts has the
// rest): the program's unions, recursive ones too (`union List { Nil,
// Cons(a: Int, b: List) }`), a union and a record that hold each other
// (`record Link { x: Int, sub: Forest }`), generic unions and records
// (`union Tree[T]`, `record Duo[A, B]`), the prelude's Option and Result, and
// the type parameters of the generic function being realized, whose values
// are opaque.
//
// A type is still its canonical text (`Tree[Option[Int]]`); its constructors
// and fields are those of its item with the type arguments put in. No value
// can hold itself through an Array or a Box, so reference counting frees
// everything: a union refers to itself, or to its companion record, only
// directly, and everything else in it is an earlier type.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import type { FieldSkel, TypeSkel, UnionDeclSkel } from "./skeleton.js";

export interface FieldInfo {
  readonly name: string;
  readonly type: string;
}

export interface CtorInfo {
  readonly name: string;
  readonly fields: readonly FieldInfo[];
  /** Whether its fields mention every type parameter of its union, so that a call of it with
   * arguments whose types are known fixes the union's type arguments (`Some(1)`, not `Ok(1)`). */
  readonly fixes: boolean;
  /** Whether a field refers back to the union (or its companion record). */
  readonly recursive: boolean;
}

interface UnionInfo {
  readonly name: string;
  readonly tparams: readonly string[];
  readonly ctors: readonly CtorInfo[];
}

interface GenericRecordInfo {
  readonly name: string;
  readonly tparams: readonly string[];
  readonly fields: readonly FieldInfo[];
}

/** A generic item that a TypeSkel may name: its parameters' number and the depth its fields add. */
export interface GenericDecl {
  readonly name: string;
  readonly params: number;
  readonly depth: number;
}

/** Declaration i is named by i (at most five, props/generator.ts). */
const unionNames = ["List", "Tree", "Expr", "Chain", "Stack"];
const ctorNames = [["Nil", "Cons", "Pair2", "More"], ["Leaf", "Node", "Twig", "Fork"], ["Lit", "Neg", "Add", "Hole"], ["End", "Link2", "Split", "Mark"], ["Empty", "Push", "Dup", "Drop"]];
const companionNames = ["Link", "Branch", "Term", "Knot", "Frame"];
const genericRecordNames = ["Duo", "Wrap", "Holder", "Slot", "Bag"];
const ctorFieldNames = ["v", "w", "left", "right"];
const recordFieldNames = ["x", "name", "items", "tag"];
/** The field of a companion record that holds the union. */
export const backField = "sub";
export const unionParams = ["T", "U"];
const recordParams = ["A", "B"];

const prelude: readonly UnionInfo[] = [
  { name: "Option", tparams: ["T"], ctors: [{ name: "Some", fields: [{ name: "value", type: "T" }], fixes: true, recursive: false }, { name: "None", fields: [], fixes: false, recursive: false }] },
  {
    name: "Result",
    tparams: ["T", "E"],
    ctors: [{ name: "Ok", fields: [{ name: "value", type: "T" }], fixes: false, recursive: false }, { name: "Err", fields: [{ name: "error", type: "E" }], fixes: false, recursive: false }],
  },
];

/** The names a type's text mentions. */
function mentions(type: string): Set<string> {
  const out = new Set<string>();
  const visit = (t: TypeTree) => {
    if (t.kind === "name") {
      out.add(t.name);
      t.args?.forEach(visit);
    } else if (t.kind === "tuple") t.elems.forEach(visit);
    else if (t.kind === "fn") [...t.params, t.ret].forEach(visit);
    else visit(t.elem);
  };
  visit(parseType(type)!);
  return out;
}

/** A type's text with its type parameters replaced. */
export function substitute(type: string, args: ReadonlyMap<string, string>): string {
  if (args.size === 0) return type;
  const visit = (t: TypeTree): TypeTree => {
    switch (t.kind) {
      case "name": {
        const arg = t.args === undefined ? args.get(t.name) : undefined;
        if (arg !== undefined) return parseType(arg)!;
        return t.args === undefined ? t : { kind: "name", name: t.name, args: t.args.map(visit) };
      }
      case "tuple": return { kind: "tuple", elems: t.elems.map(visit) };
      case "fn": return { kind: "fn", params: t.params.map(visit), ret: visit(t.ret) };
      default: return { kind: t.kind, elem: visit(t.elem) };
    }
  };
  return showType(visit(parseType(type)!));
}

/** A resolved type (props/types.ts's TypeInfo, which is this). */
interface TypeInfo {
  readonly canon: string;
  readonly written: string;
  readonly depth: number;
}

/** How Types resolves a TypeSkel naming only the first `visible` declarations, at most `budget` deep. */
type Resolve = (t: TypeSkel, visible: number, budget: number) => TypeInfo;

export class UnionTypes {
  /** The items to declare (unions, companion records, generic records), in the order of the decls. */
  readonly items: { readonly item: Lsrc.Item; readonly after: boolean }[] = [];
  /** The companion records, as props/types.ts keeps records: name -> fields. */
  readonly companions = new Map<string, readonly FieldInfo[]>();
  private readonly unions = new Map<string, UnionInfo>(prelude.map((u) => [u.name, u]));
  private readonly records = new Map<string, GenericRecordInfo>();
  private readonly instances = new Map<string, readonly CtorInfo[] | null>();
  /** The type parameters of the generic function being realized, each with the expression of
   * a value of it (its first parameter of that type): what a default value of it is. */
  opaque = new Map<string, Lsrc.Expr>();
  /** The type parameters in scope that have no value to make one of (a generic fold's). */
  readonly hidden = new Set<string>();
  /** How deep the default value being made is in recursive unions (see defaultValue). */
  private nesting = 0;

  /** Declares decl number i; returns what a `named` TypeSkel picking it resolves to. */
  declare(d: UnionDeclSkel, i: number, resolve: Resolve, budget: number): TypeInfo | GenericDecl {
    const field = (f: FieldSkel, self: string, params: readonly string[], companion: string | null): { type: string; depth: number } => {
      if (typeof f !== "string" && f.k === "self") return { type: self, depth: 0 };
      if (typeof f !== "string" && f.k === "companion") return { type: companion ?? self, depth: 0 };
      if (typeof f !== "string" && f.k === "param") return params.length === 0 ? { type: "Int", depth: 0 } : { type: params[f.n % params.length]!, depth: 0 };
      const t = resolve(f, i, budget - 1);
      return { type: t.canon, depth: t.depth };
    };
    if (d.k === "generic record") {
      const name = genericRecordNames[i % genericRecordNames.length]!;
      const params = recordParams.slice(0, Math.max(1, Math.min(d.params, recordParams.length)));
      const fields = d.fields.map((f) => field(f, "Int", params, null));
      // Every parameter is some field's type, so that a literal fixes them all.
      for (const p of params) if (!fields.some((f) => mentions(f.type).has(p))) fields.push({ type: p, depth: 0 });
      const infos = fields.map((f, j) => ({ name: recordFieldNames[j % recordFieldNames.length]! + (j >= recordFieldNames.length ? String(j) : ""), type: f.type }));
      this.records.set(name, { name, tparams: params, fields: infos });
      const item: Lsrc.GenericRecord = { kind: "GenericRecord", name, tparams: params.map(typeParam), fields: infos.map(fieldDecl) };
      this.items.push({ item, after: d.after });
      return { name, params: params.length, depth: 1 + Math.max(0, ...fields.map((f) => f.depth)) };
    }
    const name = unionNames[i % unionNames.length]!;
    const params = unionParams.slice(0, Math.min(d.params, unionParams.length));
    const self = params.length === 0 ? name : `${name}[${params.join(", ")}]`;
    const companion = d.companion !== null && params.length === 0 ? companionNames[i % companionNames.length]! : null;
    const names = ctorNames[i % ctorNames.length]!;
    const raw = d.ctors.slice(0, names.length).map((fields, j) =>
      // The first constructor refers to nothing recursive: every value has a base case.
      fields.map((f) => (j === 0 && typeof f !== "string" && (f.k === "self" || f.k === "companion") ? ("Int" as const) : f)).map((f) => field(f, self, params, companion)),
    );
    if (raw.length === 0) raw.push([]);
    for (const p of params) if (!raw.some((fs) => fs.some((f) => mentions(f.type).has(p)))) raw[0]!.push({ type: p, depth: 0 });
    const knot = new Set([name, ...(companion ? [companion] : [])]);
    const ctors: CtorInfo[] = raw.map((fields, j) => {
      const infos = fields.map((f, k) => ({ name: ctorFieldNames[k % ctorFieldNames.length]! + (k >= ctorFieldNames.length ? String(k) : ""), type: f.type }));
      const mentioned = new Set(infos.flatMap((f) => [...mentions(f.type)]));
      return { name: names[j]!, fields: infos, fixes: params.every((p) => mentioned.has(p)), recursive: infos.some((f) => [...mentions(f.type)].some((n) => knot.has(n))) };
    });
    this.unions.set(name, { name, tparams: params, ctors });
    const ctorItems = ctors.map((c): Lsrc.Ctor => ({ kind: "Ctor", name: c.name, fields: c.fields.map(fieldDecl) }));
    const item: Lsrc.Item = params.length === 0 ? { kind: "Union", name, ctors: ctorItems } : { kind: "GenericUnion", name, tparams: params.map(typeParam), ctors: ctorItems };
    this.items.push({ item, after: d.after });
    let depth = 1 + Math.max(0, ...raw.flat().map((f) => f.depth));
    if (companion !== null) {
      // The companion's own fields, then the union it holds.
      const own = d.companion!.map((t) => resolve(t, i, budget - 1));
      const fields = [...own.map((t, j) => ({ name: recordFieldNames[j % recordFieldNames.length]!, type: t.canon })), { name: backField, type: name }];
      this.companions.set(companion, fields);
      this.items.push({ item: { kind: "Record", name: companion, fields: fields.map(fieldDecl) }, after: d.after });
      depth = Math.max(depth, 2 + Math.max(0, ...own.map((t) => t.depth)));
    }
    return params.length === 0 ? { canon: name, written: name, depth } : { name, params: params.length, depth };
  }

  /** The constructors of a union type (a declared union, generic or not, Option or Result), its
   * type arguments put in; null for any other type. */
  ctors(type: string): readonly CtorInfo[] | null {
    const known = this.instances.get(type);
    if (known !== undefined) return known;
    const t = parseType(type);
    const u = t?.kind === "name" ? this.unions.get(t.name) : undefined;
    let out: readonly CtorInfo[] | null = null;
    if (t?.kind === "name" && u !== undefined && (t.args ?? []).length === u.tparams.length) {
      const args = new Map(u.tparams.map((p, i) => [p, showType(t.args![i]!)]));
      out = u.ctors.map((c) => ({ ...c, fields: c.fields.map((f) => ({ name: f.name, type: substitute(f.type, args) })) }));
    }
    this.instances.set(type, out);
    return out;
  }

  /** The fields of a generic record's instance (`Duo[Int, Bool]`), or null. */
  recordFields(type: string): readonly FieldInfo[] | null {
    const t = parseType(type);
    const r = t?.kind === "name" ? this.records.get(t.name) : undefined;
    if (t?.kind !== "name" || r === undefined || (t.args ?? []).length !== r.tparams.length) return null;
    const args = new Map(r.tparams.map((p, i) => [p, showType(t.args![i]!)]));
    return r.fields.map((f) => ({ name: f.name, type: substitute(f.type, args) }));
  }

  /** The name a record literal of the type is written with: `Duo` for `Duo[Int, Bool]`. */
  recordName(type: string): string {
    return type.replace(/\[.*$/, "");
  }

  /** Whether a value of the type can be made here: it mentions no type parameter without a value. */
  canMake(type: string): boolean {
    return this.hidden.size === 0 || ![...mentions(type)].some((n) => this.hidden.has(n));
  }

  /** Whether values of the type are opaque here: a type parameter of the generic function being realized. */
  isOpaque(type: string): boolean {
    return this.opaque.has(type);
  }

  /** The unions of the program and the prelude's, by name (for the nullary constructors of generic ones, and the recursive ones). */
  get declared(): readonly UnionInfo[] {
    return [...this.unions.values()];
  }

  /** The program's generic unions and records, for the types of generic functions' parameters. */
  genericItems(): { readonly name: string; readonly params: number }[] {
    const unions = [...this.unions.values()].filter((d) => d.tparams.length > 0 && d.name !== "Option" && d.name !== "Result");
    return [...unions, ...this.records.values()].map((d) => ({ name: d.name, params: d.tparams.length }));
  }

  /** Whether a name is a generic record's (whose literal fixes its type arguments only through its fields). */
  isGenericRecord(name: string): boolean {
    return this.records.has(name);
  }

  /** A small value of a union type, a generic record or an opaque type; `base`: Types.defaultValue. */
  defaultValue(type: string, seed: number, base: (type: string, seed: number) => Lsrc.Expr): Lsrc.Expr | null {
    const opaque = this.opaque.get(type);
    if (opaque !== undefined) return opaque;
    const fields = this.recordFields(type) ?? this.companions.get(type);
    if (fields) {
      return { kind: "RecordLit", name: this.recordName(type), inits: fields.map((f, i) => ({ kind: "FieldInit", name: f.name, value: base(f.type, seed + i + 1) })) };
    }
    const ctors = this.ctors(type);
    if (ctors === null) return null;
    // A recursive constructor now and then, but only two deep: the base case ends it.
    const usable = this.nesting >= 2 ? ctors.filter((c) => !c.recursive) : ctors;
    const c = usable[seed % usable.length]!;
    this.nesting += c.recursive ? 1 : 0;
    try {
      return ctorValue(c, c.fields.map((f, i) => base(f.type, seed + i + 1)));
    } finally {
      this.nesting -= c.recursive ? 1 : 0;
    }
  }
}

/** A constructor applied: `Nil` bare, `Cons(a, b)` a call (as the parser reads them). */
export const ctorValue = (c: CtorInfo, args: readonly Lsrc.Expr[]): Lsrc.Expr => (c.fields.length === 0 ? { kind: "Var", name: c.name } : { kind: "Call", callee: c.name, args });

const typeParam = (name: string): Lsrc.TypeParam => ({ kind: "TypeParam", name, bounds: [] });
const fieldDecl = (f: FieldInfo): Lsrc.FieldDecl => ({ kind: "FieldDecl", name: f.name, type: f.type });
