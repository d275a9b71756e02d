// Types of generated programs: the records and type aliases a skeleton declares
// (props/skeleton.ts, DeclSkel) and the palette of types its variables,
// parameters and results take, resolved from TypeSkels. A type is its
// canonical text, aliases expanded, as check-types writes it
// (ir-defs/type-syntax.ts), so two types are equal when their texts are;
// `written` is how the program spells it, perhaps with an alias's name.
//
// Types stay shallow: one nests at most `maxDepth` constructors (a record
// counts as one), so values stay small; a `named` type that would nest deeper,
// or that names nothing, becomes Int or a pair.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { parseType, showType } from "../ir-defs/type-syntax.js";
import { stringLits, type DeclSkel, type TypeSkel } from "./skeleton.js";
import { UnionTypes, type GenericDecl } from "./types-unions.js";

export interface TypeInfo {
  readonly canon: string;
  readonly written: string;
  /** How many constructors nest in it: 0 for Int, Bool and String. */
  readonly depth: number;
}

/** One step into a value: a field of a record or tuple, an array's element, a box's content. */
export interface Component {
  readonly step: "field" | "index" | "get";
  /** The field's name or position (for "field"). */
  readonly field: string;
  readonly type: string;
}

export const maxDepth = 4;
/** Declaration i is named by i: three of them, or five with the generator's `unions` switch. */
const recordNames = ["Point", "Item", "Shape", "Entry", "Spot"];
const aliasNames = ["Pair", "Row", "Cell", "Line", "Grid"];
const fieldNames = ["x", "name", "items", "tag"];
/** Int, Bool, Unit or String as a TypeInfo. */
export const scalarType = (t: string): TypeInfo => ({ canon: t, written: t, depth: 0 });
const scalar = scalarType;

export class Types {
  /** The record and alias items, each with whether it is written after main. */
  readonly items: { readonly item: Lsrc.Item; readonly after: boolean }[] = [];
  readonly palette: readonly TypeInfo[];
  /** Unions, generic records, Option and Result (props/types-unions.ts); null when the generator's `unions` switch is off. */
  readonly unions: UnionTypes | null;
  private readonly decls: (TypeInfo | GenericDecl)[] = [];
  private readonly records = new Map<string, readonly { readonly name: string; readonly type: string }[]>();

  constructor(decls: readonly DeclSkel[], palette: readonly TypeSkel[], unions = false) {
    this.unions = unions ? new UnionTypes() : null;
    decls.forEach((d, i) => {
      if (d.k !== "record" && d.k !== "alias") {
        const u = this.unions;
        if (u === null) return;
        const before = u.items.length;
        this.decls.push(u.declare(d, i, (t, visible, budget) => this.resolve(t, visible, budget), maxDepth));
        for (const [name, fields] of u.companions) this.records.set(name, fields);
        this.items.push(...u.items.slice(before));
      } else if (d.k === "record") {
        const name = recordNames[i % recordNames.length]!;
        const fields = d.fields.map((f) => this.resolve(f, i, maxDepth - 1));
        this.records.set(name, fields.map((f, j) => ({ name: fieldNames[j % fieldNames.length]!, type: f.canon })));
        const item: Lsrc.Record = { kind: "Record", name, fields: fields.map((f, j) => ({ kind: "FieldDecl", name: fieldNames[j % fieldNames.length]!, type: f.written })) };
        this.items.push({ item, after: d.after });
        this.decls.push({ canon: name, written: name, depth: 1 + Math.max(0, ...fields.map((f) => f.depth)) });
      } else {
        const name = aliasNames[i % aliasNames.length]!;
        const type = this.resolve(d.type, i, maxDepth);
        this.items.push({ item: { kind: "TypeAlias", name, type: type.written }, after: d.after });
        this.decls.push({ ...type, written: name });
      }
    });
    this.palette = palette.map((t) => this.resolve(t, decls.length, maxDepth));
  }

  /** A TypeSkel as a type, naming only the first `visible` declarations, nesting at most `budget` deep. */
  private resolve(t: TypeSkel, visible: number, budget: number): TypeInfo {
    if (typeof t === "string") return scalar(t);
    if (t.k === "named") {
      if (visible === 0) return this.resolve({ k: "tuple", elems: ["Int", "Bool"] }, 0, budget);
      const d = this.decls[t.pick % visible]!;
      if ("params" in d) return this.instance(d, t.args ?? [], visible, budget);
      return d.depth <= budget ? d : scalar("Int");
    }
    if (budget < 1) return scalar("Int");
    if (t.k === "Option" || t.k === "Result") return this.instance({ name: t.k, params: t.k === "Option" ? 1 : 2, depth: 1 }, t.k === "Option" ? [t.elem] : [t.ok, t.err], visible, budget);
    if (t.k === "tuple") {
      const elems = t.elems.map((e) => this.resolve(e, visible, budget - 1));
      return { canon: `(${elems.map((e) => e.canon).join(", ")})`, written: `(${elems.map((e) => e.written).join(", ")})`, depth: 1 + Math.max(...elems.map((e) => e.depth)) };
    }
    const elem = this.resolve(t.elem, visible, budget - 1);
    return { canon: `${t.k}[${elem.canon}]`, written: `${t.k}[${elem.written}]`, depth: 1 + elem.depth };
  }

  /** A generic union or record applied to type arguments (Int for those missing). */
  private instance(d: GenericDecl, args: readonly TypeSkel[], visible: number, budget: number): TypeInfo {
    if (budget < d.depth) return scalar("Int");
    const resolved = Array.from({ length: d.params }, (_, i) => this.resolve(args[i] ?? "Int", visible, budget - d.depth));
    const text = (k: "canon" | "written") => `${d.name}[${resolved.map((a) => a[k]).join(", ")}]`;
    return { canon: text("canon"), written: text("written"), depth: d.depth + Math.max(...resolved.map((a) => a.depth)) };
  }

  /** The steps into a value of this type (none for Int, Bool, String, Unit). */
  components(type: string): Component[] {
    const t = parseType(type);
    if (t === null) return [];
    switch (t.kind) {
      case "tuple": return t.elems.map((e, i) => ({ step: "field", field: String(i), type: showType(e) }));
      case "Array": return [{ step: "index", field: "", type: showType(t.elem) }];
      case "Box": return [{ step: "get", field: "", type: showType(t.elem) }];
      case "name": return (this.recordFields(type) ?? []).map((f) => ({ step: "field", field: f.name, type: f.type }));
      case "fn": return [];
    }
  }

  /** The fields of a record type, in declaration order; null for any other type. */
  recordFields(type: string): readonly { readonly name: string; readonly type: string }[] | null {
    return this.records.get(type) ?? this.unions?.recordFields(type) ?? null;
  }

  /** A small value of the type, varied by `seed`. */
  defaultValue(type: string, seed: number): Lsrc.Expr {
    const t = parseType(type)!;
    switch (t.kind) {
      case "tuple": return { kind: "Tuple", elems: t.elems.map((e, i) => this.defaultValue(showType(e), seed + i + 1)) };
      case "Array": return { kind: "Call", callee: "array", args: [{ kind: "Int", value: BigInt([2, 3, 1][seed % 3]!) }, this.defaultValue(showType(t.elem), seed + 1)] };
      case "Box": return { kind: "Call", callee: "Box", args: [this.defaultValue(showType(t.elem), seed + 1)] };
      case "fn": throw new Error(`no default value of ${type}`);
      case "name": break;
    }
    switch (type) {
      case "Int": return { kind: "Int", value: BigInt([0, 1, 2, -1, 5][seed % 5]!) };
      case "Bool": return { kind: "Bool", value: seed % 2 === 0 };
      case "String": return { kind: "Str", value: stringLits[seed % stringLits.length]! };
      case "Unit": return { kind: "Unit" };
    }
    const other = this.records.has(type) ? null : this.unions?.defaultValue(type, seed, (t, s) => this.defaultValue(t, s));
    if (other) return other;
    const fields = this.records.get(type)!;
    return { kind: "RecordLit", name: type, inits: fields.map((f, i) => ({ kind: "FieldInit", name: f.name, value: this.defaultValue(f.type, seed + i + 1) })) };
  }
}

/** Whether a value of the type can be printed. */
export const printable = (type: string): boolean => type === "Int" || type === "Bool" || type === "String";
