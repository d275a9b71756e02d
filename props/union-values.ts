// The values of what the generator's `unions` switch adds, and their types
// (props/realize-unions.ts and realize-match.ts build on this; realize-data.ts
// calls it for a value of a union type): a constructor applied, and whether
// a value lets the checker infer its type arguments.
//
// Type arguments are never written at a use, so every value must let the
// checker infer them (spec/language.md, "Type inference"). A value is
// *self-typed* when its type follows from its parts alone: `Some(1)` is, `None`
// and `Ok(1)` are not (`Ok` says nothing of the error type). Where the type a
// value is used at is known (an annotated let, an argument of a non-generic
// function, a field, an assignment, a return), anything goes; where it is not
// (a let without a type, an expression statement, the array of `for v in`, a
// match's scrutinee, an argument of a generic function, the operand of `try`),
// a value that is not self-typed gets its type from a let: the let is
// annotated (`let x: Option[Int] = None`), or the value is written
// `{ let t0: Option[Int] = None; t0 }`.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type { DataE } from "./skeleton.js";
import { ctorValue, type CtorInfo, type UnionTypes } from "./types-unions.js";
import { block, exprStmt, letStmt, v, type Context, type Walk } from "./walk.js";

/** A generic function the code may call: its type parameters appear in its parameters' types. */
export interface GenericSignature {
  readonly name: string;
  readonly tparams: readonly string[];
  readonly params: readonly string[];
  readonly ret: string;
}

/** What realizing one program keeps about its unions' functions. */
interface State {
  /** The generic functions realized so far (each may call the ones before it). */
  readonly generics: GenericSignature[];
  /** How many recursive constructors the value being built is inside. */
  building: number;
  /** Constructor name -> whether its union is generic, and whether its fields fix the type arguments. */
  readonly ctors: Map<string, { readonly generic: boolean; readonly fixes: boolean }>;
  /** The functions with a `try` in them (a `try` of a call of one is a `try` through two calls). */
  readonly tried: Set<string>;
  /** Generic function name -> the type argument lists it is called at. */
  readonly calledAt: Map<string, Set<string>>;
}

const states = new WeakMap<UnionTypes, State>();

/** What realizing this program keeps (one per program: its UnionTypes). */
export function state(w: Walk): State {
  const u = w.types.unions!;
  let s = states.get(u);
  if (s === undefined) {
    const ctors = new Map(u.declared.flatMap((d) => d.ctors.map((c) => [c.name, { generic: d.tparams.length > 0, fixes: c.fixes }] as const)));
    s = { generics: [], building: 0, ctors, tried: new Set(), calledAt: new Map() };
    states.set(u, s);
  }
  return s;
}

const preludeGenerics = new Set(["unwrap", "unwrap_or", "is_some", "is_none", "is_ok", "is_err"]);

/** Whether the checker infers every type argument in e from e alone (see the header). */
export function selfTyped(w: Walk, e: Lsrc.Expr): boolean {
  if (w.types.unions === null) return true;
  const { ctors, generics } = state(w);
  const go = (e: Lsrc.Expr): boolean => {
    switch (e.kind) {
      case "Var": return !(ctors.get(e.name)?.generic ?? false);
      case "Call": {
        const c = ctors.get(e.callee);
        if (c !== undefined) return !c.generic || (c.fixes && e.args.every(go));
        const generic = preludeGenerics.has(e.callee) || generics.some((g) => g.name === e.callee);
        return generic || e.callee === "array" || e.callee === "Box" ? e.args.every(go) : true;
      }
      case "Tuple": return e.elems.every(go);
      case "RecordLit": return !w.types.unions!.isGenericRecord(e.name) || e.inits.every((i) => go(i.value));
      case "If": return go(e.then) && (e.else === null || go(e.else));
      case "Block": {
        const last = e.stmts[e.stmts.length - 1];
        return last?.kind !== "ExprStmt" || go(last.expr);
      }
      case "Match": return e.arms.every((a) => go(a.body));
      case "Try": return go(e.value);
      default: return true;
    }
  };
  return go(e);
}

/** Whether a let of this value needs its type written. */
export const needsType = (w: Walk, e: Lsrc.Expr): boolean => !selfTyped(w, e);

/** The value, self-typed: as it is, or `{ let t0: T = e; t0 }`. */
export function typed(w: Walk, e: Lsrc.Expr, type: string): Lsrc.Expr {
  if (selfTyped(w, e)) return e;
  w.used.add("value given its type by a let");
  const t = w.fresh("t");
  return block(letStmt(t, e, false, type), exprStmt(v(t)));
}

/** How realize-data.ts writes the parts of a value in order (its writtenParts). */
export type WrittenParts = (w: Walk, e: DataE & { k: "new" }, types: readonly string[], order: readonly number[], ctx: Context) => Lsrc.Expr[];

/** A value of a union type (a constructor chosen by the seed, its fields from the parts), or of a
 * type parameter of the generic function being realized; null for any other type. */
export function constructUnion(w: Walk, e: DataE & { k: "new" }, type: string, ctx: Context, written: WrittenParts): Lsrc.Expr | null {
  const u = w.types.unions!;
  if (u.isOpaque(type)) return w.variable(ctx, type, e.seed) ?? w.types.defaultValue(type, e.seed);
  const ctors = u.ctors(type);
  if (ctors === null) return null;
  const s = state(w);
  // Recursive constructors nest at most three deep in one value written out.
  const usable = s.building >= 3 ? ctors.filter((c) => !c.recursive) : ctors;
  const c = usable[e.seed % usable.length]!;
  noteCtor(w, type, c);
  if (c.recursive) s.building++;
  try {
    return ctorValue(c, written(w, e, c.fields.map((f) => f.type), c.fields.map((_, i) => i), ctx));
  } finally {
    if (c.recursive) s.building--;
  }
}

function noteCtor(w: Walk, type: string, c: CtorInfo): void {
  const name = type.replace(/\[.*$/, "");
  if (name === "Option" || name === "Result") w.used.add(`${name} value`);
  w.used.add(c.fields.length === 0 ? "constructor without fields" : "constructor with fields");
  if (c.recursive) w.used.add("recursive constructor");
}
