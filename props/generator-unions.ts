// The arbitraries the generator's `unions` switch adds (props/generator.ts
// ties them in): union and generic record declarations, Option and Result
// types, match with its arms and guards, try, calls of the prelude's
// functions and of generic ones, and the generic and structurally recursive
// functions themselves (skeletons in props/skeleton.ts). With the
// switch off none of them is made, and the generator makes the programs it
// made before it existed, seed for seed.
import fc from "fast-check";
import type { BoolE, DataE, FieldSkel, FoldSkel, GenericFnSkel, IntE, Part, Stmt, TypeSkel, UnionDeclSkel } from "./skeleton.js";

/** The generator's switches. */
export interface GeneratorOptions {
  /** Unions, match, generics, Option/Result and try (spec/properties.md); off by default while
   * the passes below check-types cannot compile them. */
  readonly unions?: boolean;
  /** Programs of several files: a generated program split into modules (props/generator-modules.ts). */
  readonly modules?: boolean;
}

/** The switches when none are given: what `npm test` and `qnano props` generate. Unions are on
 * since every pass compiles them; turning them off here turns them off everywhere (the
 * generator, the constructs and the operand pairs the tests expect). */
export const defaultGenerator: GeneratorOptions = { unions: true, modules: true };

const depthIdentifier = "quastra";

/** The recursive arbitraries the new ones are made of. */
export interface Ties {
  readonly int: fc.Arbitrary<IntE>;
  readonly bool: fc.Arbitrary<BoolE>;
  readonly data: fc.Arbitrary<DataE>;
  readonly part: fc.Arbitrary<Part>;
  readonly effect: fc.Arbitrary<Stmt>;
  readonly stmt: fc.Arbitrary<Stmt>;
}

/** A small value of whatever type (a default one, by seed): what an arm returns. */
const smallData: fc.Arbitrary<DataE> = fc.record({ k: fc.constant("new" as const), parts: fc.constant([]), size: fc.constant({ n: 2, e: null }), seed: fc.nat(11) });

/** What every sort of expression gains: match (weight 2), try, a prelude call, a generic call. */
export function unionShared<E>(self: fc.Arbitrary<E>, t: Ties): { arbitrary: fc.Arbitrary<unknown>; weight: number }[] {
  const guard = fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: t.bool, weight: 2 },
    { arbitrary: fc.record({ k: fc.constant("sideEffect" as const), effect: t.effect, value: t.bool }), weight: 1 },
  );
  const arm = fc.record({
    guard,
    body: self,
    escape: fc.oneof({ arbitrary: fc.constant(0), weight: 8 }, { arbitrary: fc.constantFrom(1, 2, 3), weight: 2 }),
    ret: smallData,
  });
  return [
    {
      arbitrary: fc.record({
        k: fc.constant("match" as const),
        pick: fc.nat(7),
        scrutinee: t.data,
        shape: fc.array(fc.nat(11), { maxLength: 10 }),
        arms: fc.array(arm, { minLength: 1, maxLength: 4, depthIdentifier }),
        rest: fc.nat(5),
        order: fc.nat(3),
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ k: fc.constant("try" as const), operand: t.data, via: fc.constantFrom(0, 0, 1, 2) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant("prelude" as const), fn: fc.nat(5), arg: t.data, other: t.part, method: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("generic" as const), pick: fc.nat(7), args: fc.array(t.data, { maxLength: 3, depthIdentifier }) }), weight: 1 },
  ];
}

/** Types with the switch: Option and Result around inner types, and type arguments for a named generic item. */
export function unionTypeSkels(inner: fc.Arbitrary<TypeSkel>): { arbitrary: fc.Arbitrary<TypeSkel>; weight: number }[] {
  const err = fc.oneof({ arbitrary: fc.constant("String" as const), weight: 3 }, { arbitrary: fc.constant("Int" as const), weight: 1 }, { arbitrary: inner, weight: 1 });
  return [
    { arbitrary: fc.record({ k: fc.constant("Option" as const), elem: inner }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("Result" as const), ok: inner, err }), weight: 1 },
  ];
}

/** The palette with the switch: one more type last, a Result (mostly of an Int), for functions to
 * return (see resultOfPalette), so that `try` has somewhere to stand, and to use it on each other's results. */
export const withResult = (palette: fc.Arbitrary<TypeSkel[]>, inner: fc.Arbitrary<TypeSkel>): fc.Arbitrary<TypeSkel[]> =>
  fc
    .tuple(palette, fc.oneof({ arbitrary: fc.constant("Int" as const), weight: 3 }, { arbitrary: inner, weight: 1 }), fc.constantFrom("String" as const, "Int" as const))
    .map(([types, ok, err]) => [...types, { k: "Result" as const, ok, err }]);

/** A function's result that is the palette's last type (-1: the palette counts back from its end): its Result (withResult). */
export const resultOfPalette = <E>(data: fc.Arbitrary<E>) => ({ arbitrary: fc.record({ ty: fc.constant("Data" as const), type: fc.constant(-1), e: data }), weight: 5 });

/** A named type with type arguments (used when what it names is generic). */
export const namedWithArgs = (args: fc.Arbitrary<TypeSkel>): fc.Arbitrary<TypeSkel> =>
  fc.record({ k: fc.constant("named" as const), pick: fc.nat(3), args: fc.array(args, { minLength: 1, maxLength: 2 }) });

/** Union and generic record declarations, for the decls of a program. */
export function unionDecls(field: fc.Arbitrary<TypeSkel>): { arbitrary: fc.Arbitrary<UnionDeclSkel>; weight: number }[] {
  const fieldSkel: fc.Arbitrary<FieldSkel> = fc.oneof(
    { arbitrary: field, weight: 4 },
    { arbitrary: fc.constant({ k: "self" as const }), weight: 3 },
    { arbitrary: fc.record({ k: fc.constant("param" as const), n: fc.nat(1) }), weight: 2 },
    { arbitrary: fc.constant({ k: "companion" as const }), weight: 1 },
  );
  const params = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 2 });
  return [
    {
      arbitrary: fc.record({
        k: fc.constant("union" as const),
        ctors: fc.array(fc.array(fieldSkel, { maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        params,
        companion: fc.option(fc.array(field, { maxLength: 2 }), { nil: null, freq: 3 }),
        after: fc.boolean(),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ k: fc.constant("generic record" as const), fields: fc.array(fieldSkel, { minLength: 1, maxLength: 3 }), params: fc.integer({ min: 1, max: 2 }), after: fc.boolean() }),
      weight: 1,
    },
  ];
}

/** The generic and the structurally recursive functions of a program. */
export function unionFunctions(t: Ties): fc.Arbitrary<{ generics: GenericFnSkel[]; folds: FoldSkel[] }> {
  const generic: fc.Arbitrary<GenericFnSkel> = fc.record({
    tparams: fc.nat(3),
    params: fc.array(fc.nat(11), { maxLength: 2 }),
    result: fc.nat(11),
    body: fc.array(t.stmt, { maxLength: 3, depthIdentifier, size: "medium" }),
    value: t.data,
  });
  const fold: fc.Arbitrary<FoldSkel> = fc.record({
    pick: fc.nat(3),
    shape: fc.array(fc.nat(11), { maxLength: 8 }),
    arms: fc.array(fc.record({ body: t.int, acc: t.int }), { minLength: 1, maxLength: 3, depthIdentifier }),
  });
  return fc.record({ generics: fc.array(generic, { maxLength: 2 }), folds: fc.array(fold, { maxLength: 2 }) });
}
