// Skeletons of unions, match, generics, Option/Result and try (props/skeleton.ts
// has the rest): what fast-check generates for them when the generator's
// `unions` switch is on (props/generator-unions.ts), before
// props/realize-unions.ts and realize-match.ts give them types and names.
// As everywhere in a skeleton, nothing here fixes a type: a match's patterns
// are a list of small numbers that realize reads at the scrutinee's type, a
// union's fields are TypeSkels, so shrinking keeps every program well typed.
import type { BoolE, DataE, IntE, Part, Stmt, TypeSkel } from "./skeleton.js";

/** A field of a union's constructor or of a generic record: a type, or a reference that
 * only a declaration can make: the union itself (`tail: List`, with its own type
 * parameters), one of the item's type parameters, or the union's companion record. */
export type FieldSkel = TypeSkel | { readonly k: "self" } | { readonly k: "param"; readonly n: number } | { readonly k: "companion" };

/** The declarations the switch adds (the others are DeclSkel's record and alias). */
export type UnionDeclSkel =
  /** `union U[T..] { C0(..), C1, .. }` with `params` type parameters (0: not generic). Its
   * first constructor never refers to U, so every value has a base case. With a companion,
   * a record declared with it that holds a U (`record Node { key: Int, kids: Forest }`):
   * mutual recursion between a union and a record. */
  | { readonly k: "union"; readonly ctors: readonly (readonly FieldSkel[])[]; readonly params: number; readonly companion: readonly TypeSkel[] | null; readonly after: boolean }
  /** `record R[A, B] { .. }`: every parameter is a field's type, so a literal fixes them all. */
  | { readonly k: "generic record"; readonly fields: readonly FieldSkel[]; readonly params: number; readonly after: boolean };

/** Types the switch adds: the prelude's Option and Result. (A declared union or a generic
 * record is a `named` TypeSkel; its type arguments are `args`.) */
export type PreludeTypeSkel = { readonly k: "Option"; readonly elem: TypeSkel } | { readonly k: "Result"; readonly ok: TypeSkel; readonly err: TypeSkel };

/** An arm of a match: its body, sometimes a guard before it (with side effects, sometimes),
 * sometimes an escape instead of the value (`escape` 1: break or continue in a loop,
 * 2: return, its value `ret` read at the function's result type). */
export interface ArmSkel<E> {
  readonly guard: BoolE | null;
  readonly body: E;
  readonly escape: number;
  readonly ret: DataE;
}

/** `match scrutinee { arms }` of any type. `pick` chooses the scrutinee's type (a variable's
 * in scope, a union or Option or Result of the program, a scalar, a tuple); `shape` are the
 * choices that split its values into patterns (props/realize-match.ts); `rest` may turn
 * the last patterns into one `_`; `order` rotates the constructors. */
export interface MatchE<E> {
  readonly k: "match";
  readonly pick: number;
  readonly scrutinee: DataE;
  readonly shape: readonly number[];
  readonly arms: readonly ArmSkel<E>[];
  readonly rest: number;
  readonly order: number;
}

/** `try e`: in a function returning `Result[_, E]`, the value of a `Result[T, E]` read from
 * `operand`, or with `via` 0 or 1 a call of a function (1: a generic one) that returns one, when
 * there is one; elsewhere `operand` read at the type wanted. */
export interface TryE { readonly k: "try"; readonly operand: DataE; readonly via: number }

/** A call of a prelude function (`fn` chooses: unwrap, unwrap_or, is_some, is_none, is_ok,
 * is_err, abs) whose result has the type wanted, on `arg` read at the parameter's type. */
export interface PreludeCallE { readonly k: "prelude"; readonly fn: number; readonly arg: DataE; readonly other: Part }

/** A call of one of the program's generic functions whose result, instantiated, has the type
 * wanted (`pick` chooses, and the type arguments its result does not fix); arguments from `args`. */
export interface GenericCallE { readonly k: "generic"; readonly pick: number; readonly args: readonly DataE[] }

/** What every sort of expression gains with the switch. */
export type UnionShared<E> = MatchE<E> | TryE | PreludeCallE | GenericCallE;

/** A generic function `g<i>[T..](p0: .., ..) -> R`: `params` are small numbers read as types
 * built from the type parameters and the palette; the first ones are the parameters
 * themselves, so a call fixes every type argument. */
export interface GenericFnSkel {
  readonly tparams: number;
  readonly params: readonly number[];
  readonly result: number;
  readonly body: readonly Stmt[];
  readonly value: DataE;
}

/** A structurally recursive function over a recursive union of the program:
 * `fn h<i>(v: U, acc: Int) -> Int { match v { ... } }`, whose arms add the calls on
 * each part of v that is a U again (`Cons(x, rest) => ... + h0(rest, ...)`), so it ends. */
export interface FoldSkel {
  readonly pick: number;
  readonly shape: readonly number[];
  readonly arms: readonly { readonly body: IntE; readonly acc: IntE }[];
}
