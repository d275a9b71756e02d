// The property generator: a fast-check arbitrary of well-typed, terminating
// Quastra programs, built from the typing rules (spec/language.md, section 3).
//
// It works in two steps, so that shrinking always stays well typed:
//
// 1. fast-check generates a *skeleton* (props/skeleton.ts): a tree of
//    expressions and statements, where a variable is only a number (`pick`),
//    a name is an index into a small pool and a type a TypeSkel. Int, Bool,
//    Unit and String expressions have their own sorts; a value of a heap type
//    is a DataE, read at whatever type is wanted where it stands. Skeletons
//    know nothing of scopes or types, so fast-check can shrink them freely
//    (drop a statement, replace an expression by a sub-expression or a
//    literal).
// 2. `realize` (props/realize.ts, realize-data.ts, types.ts) walks the
//    skeleton with the scope at hand and builds an Lsrc program: `pick`
//    chooses among the variables in scope of the right type (and mutability,
//    for assignments), falling back to a literal or a default value when
//    there is none; `break` and `continue` appear only inside loops.
//
// A program declares up to three records and type aliases (each naming only
// the ones before it, so no type is recursive and no cycle of references can
// leak) and uses a palette of one to three types: Int, Bool, String, tuples of
// 2 or 3, records, Array[T] and Box[T], nested at most four deep. Variables,
// parameters and results take these types; values are built, read through
// fields, indices and `get()`, changed by field updates, element assignments
// and `set`, aliased (arrays and boxes) or copied (records and tuples), and
// dropped early.
//
// Every program ends, and stays small:
// - Loops are bounded by construction: a `while` gets a fresh counter that
//   only the loop increments, capped at 4 turns; a `for` range spans at most
//   3 values; `for v in a` runs over an array, whose length is fixed.
// - Up to two functions besides main take parameters of any of these types;
//   a function calls only the ones before it (main calls any), directly or
//   through a variable, so there is no recursion.
// - Anonymous functions (props/realize-closures.ts) capture what they read of
//   the scope around them but are never given themselves: no closure can
//   reach itself, so they add no recursion either.
// - Arrays are mostly 2 to 5 long (rarely empty, large or of negative
//   length) and indices mostly small literals, so most indexing is in bounds
//   and a few percent of programs panic `index out of bounds`.
// - Strings grow at most linearly (see realize-data.ts): no value is ever
//   the concatenation of two that a loop could have grown.
//
// Operands have side effects, in every position: any expression may be
// `{ effect; value }` (SideEffectE), and so may a part (a field, an element, a
// stored value), the variable a place starts from (`({ i = 2; a })[i]`) and
// any operand of a store. The effect is an assignment, a store into an array
// or a Box, a call (functions often store into an array or Box they are
// given), print, read_int or an escape. The realizer tells each later operand
// which variables the earlier ones are (Context.earlier), and an assignment or
// a store picks one of those when it can: `a[i] = { i = 2; 7 }`, `x + { x = 5;
// 1 }`, `a[0] + f(a)`, where evaluation order shows. props/operand-pairs.ts
// counts which construct reached which operand position.
//
// The printed program (front-end/quastra-source.ts) is what the properties compile,
// so every case also goes through the lexer and the parser.
import fc from "fast-check";
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { quastraSource } from "../front-end/quastra-source.js";
import { parse } from "../passes/parse.js";
import { resolveModules } from "../passes/resolve-modules.js";
import { passContext } from "../driver/driver.js";
import { namedWithArgs, unionDecls, unionFunctions, unionShared, unionTypeSkels, resultOfPalette, withResult, defaultGenerator, type GeneratorOptions } from "./generator-unions.js";
import { realize } from "./realize.js";
import { splitModule, splitProgram, type ModuleFile } from "./generator-modules.js";
import { withMethods, type MethodsSkel } from "./realize-methods.js";
import {
  boolOps, compareOps, edgeInts, intAssignOps, intOps, MAX, MIN, stringChars, stringLits,
  type AnyE, type BoolE, type ConstSkeleton, type DataE, type DeclSkel, type IndexSkel, type IntE, type LambdaSkel, type ParamSkel, type Part, type SizeSkel, type Skeleton, type Stmt, type StrE, type TypeSkel, type UnitE,
} from "./skeleton.js";

export { allConstructs, constructsFor } from "./constructs.js";
export { defaultGenerator, type GeneratorOptions };

/** A generated program: the Lsrc tree, its source text, its stdin, and the constructs it uses;
 * a program split into modules has their files too (its tree is the whole program's). */
export interface Generated {
  readonly program: Lsrc.Program;
  readonly source: string;
  readonly modules?: readonly ModuleFile[];
  readonly stdin: string;
  readonly constructs: ReadonlySet<string>;
}

const depthIdentifier = "quastra";
const stmtList = (stmt: fc.Arbitrary<Stmt>, maxLength: number) => fc.array(stmt, { maxLength, depthIdentifier, size: "medium" });

const intLiteral: fc.Arbitrary<bigint> = fc.oneof(
  // Mostly tiny values, so operands are often equal (where `<` and `<=` differ).
  { arbitrary: fc.bigInt(-4n, 4n), weight: 4 },
  { arbitrary: fc.bigInt(-100n, 100n), weight: 1 },
  { arbitrary: fc.constantFrom(...edgeInts), weight: 4 },
  { arbitrary: fc.bigInt(MIN, MAX), weight: 1 },
);

const inputLine: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.bigInt(-20n, 20n).map(String), weight: 6 },
  { arbitrary: fc.constantFrom(...edgeInts).map(String), weight: 3 },
  { arbitrary: fc.constantFrom(" 7 ", "\t-3", "12\r", "-0", "+5", "abc", "", "9223372036854775808", "-9223372036854775809", "1 2"), weight: 1 },
);

const stringLiteral: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...stringLits), weight: 3 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...stringChars), maxLength: 6 }), weight: 1 },
);

/** Array lengths: mostly 2 to 5, sometimes 0 or 1, rarely large or negative (a panic). */
const arrayLength: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 2, max: 5 }), weight: 40 },
  { arbitrary: fc.constant(1), weight: 4 },
  { arbitrary: fc.constant(0), weight: 5 },
  { arbitrary: fc.integer({ min: 6, max: 40 }), weight: 4 },
  { arbitrary: fc.integer({ min: -3, max: -1 }), weight: 2 },
);

/** Where methods, Weigh and usings go (props/realize-methods.ts): mostly a few of each. */
const methodsSkel: fc.Arbitrary<MethodsSkel> = fc.record({
  convert: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  weigh: fc.array(fc.nat(12), { maxLength: 3 }),
  usings: fc.array(fc.record({ block: fc.nat(8), at: fc.oneof(fc.constant(0), fc.nat(4)), exit: fc.boolean() }), { maxLength: 3 }),
});

/** Types nest at most `depth` constructors here (a named record or alias may add more: props/types.ts bounds them).
 * With `unions`, also Option and Result, and a named type has type arguments (for a generic one). */
function typeSkel(depth: number, named = 3, unions = false): fc.Arbitrary<TypeSkel> {
  const scalar = fc.constantFrom("Int" as const, "Bool" as const, "String" as const);
  const leaf = fc.oneof(
    { arbitrary: fc.constant("Int" as const), weight: 3 },
    { arbitrary: fc.constant("Bool" as const), weight: 2 },
    { arbitrary: fc.constant("String" as const), weight: 2 },
    { arbitrary: unions ? namedWithArgs(scalar) : fc.record({ k: fc.constant("named" as const), pick: fc.nat(3) }), weight: named },
  ) as fc.Arbitrary<TypeSkel>;
  if (depth === 0) return leaf;
  const inner = typeSkel(depth - 1, named, unions);
  return fc.oneof(
    { arbitrary: leaf, weight: 3 },
    { arbitrary: fc.record({ k: fc.constant("tuple" as const), elems: fc.array(inner, { minLength: 2, maxLength: 3 }) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constantFrom("Array" as const, "Box" as const), elem: inner }), weight: 3 },
    ...(unions ? unionTypeSkels(inner) : []),
  ) as fc.Arbitrary<TypeSkel>;
}

const declSkel = (unions: boolean): fc.Arbitrary<DeclSkel> =>
  fc.oneof(
    { arbitrary: fc.record({ k: fc.constant("record" as const), fields: fc.array(typeSkel(1, 5, unions), { minLength: 1, maxLength: 4 }), after: fc.boolean() }), weight: unions ? 4 : 3 },
    { arbitrary: fc.record({ k: fc.constant("alias" as const), type: typeSkel(2, 3, unions), after: fc.boolean() }), weight: 1 },
    ...(unions ? unionDecls(typeSkel(1, 5, true)) : []),
  ) as fc.Arbitrary<DeclSkel>;

/** Mostly Int and Bool, so that functions often call each other (and in tail position) as before heap data. */
const paramSkel: fc.Arbitrary<ParamSkel> = fc.oneof(
  { arbitrary: fc.constantFrom("Int" as const, "Bool" as const), weight: 6 },
  { arbitrary: fc.constant("String" as const), weight: 1 },
  { arbitrary: fc.nat(3), weight: 3 },
);

interface Arbitraries {
  int: IntE;
  bool: BoolE;
  unit: UnitE;
  str: StrE;
  data: DataE;
  part: Part;
  index: IndexSkel;
  any: AnyE;
  /** A function's result: mostly Int and Bool, like paramSkel. */
  result: AnyE;
  stmt: Stmt;
  /** A statement with a side effect, for `{ effect; value }` in any operand (SideEffectE). */
  effect: Stmt;
  program: Skeleton;
}

/** The arbitraries, tied recursively; `size` bounds nesting (fast-check's depth size). */
export function arbitraries(generator: GeneratorOptions = defaultGenerator): { [K in keyof Arbitraries]: fc.Arbitrary<Arbitraries[K]> } {
  const unions = generator.unions ?? false;
  return fc.letrec<Arbitraries>((tie) => {
    const int = tie("int") as fc.Arbitrary<IntE>;
    const bool = tie("bool") as fc.Arbitrary<BoolE>;
    const unit = tie("unit") as fc.Arbitrary<UnitE>;
    const any = tie("any") as fc.Arbitrary<AnyE>;
    const stmt = tie("stmt") as fc.Arbitrary<Stmt>;
    const str = tie("str") as fc.Arbitrary<StrE>;
    const data = tie("data") as fc.Arbitrary<DataE>;
    const part = tie("part") as fc.Arbitrary<Part>;
    const index = tie("index") as fc.Arbitrary<IndexSkel>;
    const result = tie("result") as fc.Arbitrary<AnyE>;
    const effect = tie("effect") as fc.Arbitrary<Stmt>;
    /** Mostly none: a side effect run first in a place (`({ i = 2; a })[i]`), a part, or a store's operand. */
    const effectFirst = fc.oneof({ depthSize: "medium", depthIdentifier }, { arbitrary: fc.constant(null), weight: 3 }, { arbitrary: effect, weight: 1 });
    const pick = fc.nat(7);
    /** `a[i] op= v` and `b.set(v)` as statements. */
    const setIndex = (first: fc.Arbitrary<Stmt | null>, reassign: fc.Arbitrary<number>) =>
      fc.record({ k: fc.constant("setIndex" as const), pick, index, op: fc.constantFrom(...intAssignOps), value: part, effect: first, reassign }) as fc.Arbitrary<Stmt>;
    const boxSet = fc.record({ k: fc.constant("expr" as const), expr: fc.record({ ty: fc.constant("Unit" as const), e: fc.record({ k: fc.constant("boxSet" as const), pick, value: part, effect: fc.constant(null) }) }) }) as fc.Arbitrary<Stmt>;
    const callOf = fc.record({
      k: fc.constant("call" as const),
      pick,
      ints: fc.array(int, { maxLength: 3, depthIdentifier }),
      bools: fc.array(bool, { maxLength: 2, depthIdentifier }),
      data: fc.array(data, { maxLength: 2, depthIdentifier }),
      indirect: fc.boolean(),
    });
    const proj = fc.record({ k: fc.constant("proj" as const), pick, index, effect: effectFirst });
    /** An anonymous function: up to two parameters, a few statements, its result. */
    const lambdaSkel = <R>(result: fc.Arbitrary<R>): fc.Arbitrary<LambdaSkel<R>> => fc.record({ params: fc.array(paramSkel, { maxLength: 2 }), reads: fc.option(pick, { nil: null, freq: 4 }), body: stmtList(stmt, 2), result });
    const size: fc.Arbitrary<SizeSkel> = fc.record({ n: arrayLength, e: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: int, weight: 1 }) });
    const shared = <E>(self: fc.Arbitrary<E>) => [
      { arbitrary: callOf, weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("if" as const), cond: bool, then: self, else: self }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("block" as const), stmts: stmtList(stmt, 3), value: self }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("never" as const), cond: bool, value: self, how: fc.nat(2) }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant("sideEffect" as const), effect, value: self }), weight: 3 },
      { arbitrary: fc.record({ k: fc.constant("lambda" as const), fn: lambdaSkel(self), args: callOf, how: fc.nat(7), between: fc.option(effect, { nil: null, freq: 4 }) }), weight: 1 },
      ...(unions ? unionShared(self, { int, bool, data, part, effect, stmt }) : []),
    ];
    const options = { depthSize: "medium" as const, depthIdentifier, withCrossShrink: true };
    return {
      int: fc.oneof(
        options,
        { arbitrary: fc.record({ k: fc.constant("lit" as const), value: intLiteral }), weight: 6 },
        { arbitrary: fc.record({ k: fc.constant("var" as const), pick }), weight: 6 },
        { arbitrary: fc.record({ k: fc.constant("read" as const) }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("effect" as const), pick, op: fc.constantFrom(...intAssignOps), value: int, result: int }), weight: 3 },
        { arbitrary: fc.record({ k: fc.constant("unary" as const), op: fc.constantFrom("-" as const, "~" as const), arg: int }), weight: 2 },
        {
          arbitrary: fc.record({ k: fc.constant("binary" as const), op: fc.constantFrom(...intOps), left: int, right: int, safe: fc.nat(6) }),
          weight: 8,
        },
        { arbitrary: proj, weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("len" as const), pick, text: str, effect: effectFirst }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("byte" as const), text: str, at: fc.nat(2) }), weight: 1 },
        ...shared(int),
      ) as fc.Arbitrary<IntE>,
      bool: fc.oneof(
        options,
        { arbitrary: fc.record({ k: fc.constant("lit" as const), value: fc.boolean() }), weight: 4 },
        { arbitrary: fc.record({ k: fc.constant("var" as const), pick }), weight: 4 },
        { arbitrary: fc.record({ k: fc.constant("compare" as const), op: fc.constantFrom(...compareOps), left: int, right: int, mirror: fc.nat(3) }), weight: 5 },
        { arbitrary: fc.record({ k: fc.constant("not" as const), arg: bool }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("effect" as const), pick, op: fc.constantFrom(...boolOps), value: bool, result: bool }), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("logic" as const), op: fc.constantFrom(...boolOps), left: bool, right: bool }), weight: 4 },
        { arbitrary: proj, weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("strcmp" as const), op: fc.constantFrom("==" as const, "!=" as const), left: str, right: str, mirror: fc.nat(3) }), weight: 2 },
        ...shared(bool),
      ) as fc.Arbitrary<BoolE>,
      unit: fc.oneof(
        options,
        { arbitrary: fc.record({ k: fc.constant("unit" as const) }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("var" as const), pick }), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("print" as const), ty: fc.constant("Int" as const), arg: int }), weight: 5 },
        { arbitrary: fc.record({ k: fc.constant("print" as const), ty: fc.constant("Bool" as const), arg: bool }), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("assert" as const), arg: bool, likely: fc.boolean() }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("when" as const), cond: bool, body: stmtList(stmt, 3) }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("print" as const), ty: fc.constant("String" as const), arg: str }), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("write" as const), arg: str }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("boxSet" as const), pick, value: part, effect: effectFirst }), weight: 2 },
        ...shared(unit),
      ) as fc.Arbitrary<UnitE>,
      str: fc.oneof(
        options,
        { arbitrary: fc.record({ k: fc.constant("lit" as const), value: stringLiteral }), weight: 6 },
        { arbitrary: fc.record({ k: fc.constant("var" as const), pick }), weight: 4 },
        { arbitrary: fc.record({ k: fc.constant("concat" as const), left: str, right: str }), weight: 4 },
        {
          arbitrary: fc.oneof(fc.record({ k: fc.constant("slice" as const), text: str, from: fc.nat(2), length: fc.nat(3) }), fc.record({ k: fc.constant("line" as const) })),
          weight: 1,
        },
        { arbitrary: proj, weight: 2 },
        ...shared(str),
      ) as fc.Arbitrary<StrE>,
      data: fc.oneof(
        options,
        { arbitrary: fc.record({ k: fc.constant("var" as const), pick }), weight: 4 },
        { arbitrary: fc.record({ k: fc.constant("new" as const), parts: fc.array(part, { maxLength: 3, depthIdentifier }), size, seed: fc.nat(11) }), weight: 8 },
        { arbitrary: proj, weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("effect" as const), pick, value: data, result: data }), weight: 1 },
        ...shared(data),
      ) as fc.Arbitrary<DataE>,
      part: fc.oneof(
        { arbitrary: fc.record({ ty: fc.constant("Int" as const), e: int, effect: effectFirst }), weight: 3 },
        { arbitrary: fc.record({ ty: fc.constant("Bool" as const), e: bool, effect: effectFirst }), weight: 2 },
        { arbitrary: fc.record({ ty: fc.constant("String" as const), e: str, effect: effectFirst }), weight: 2 },
        { arbitrary: fc.record({ ty: fc.constant("Data" as const), e: data, effect: effectFirst }), weight: 3 },
      ) as fc.Arbitrary<Part>,
      index: fc.oneof(
        { arbitrary: fc.record({ k: fc.constant("at" as const), value: fc.constant(0) }), weight: 12 },
        { arbitrary: fc.record({ k: fc.constant("at" as const), value: fc.integer({ min: 1, max: 3 }) }), weight: 6 },
        { arbitrary: fc.record({ k: fc.constant("expr" as const), e: int, wild: fc.constant(false) }), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("expr" as const), e: int, wild: fc.constant(true) }), weight: 2 },
      ) as fc.Arbitrary<IndexSkel>,
      any: fc.oneof(
        { arbitrary: fc.record({ ty: fc.constant("Int" as const), e: int }), weight: 5 },
        { arbitrary: fc.record({ ty: fc.constant("Bool" as const), e: bool }), weight: 3 },
        { arbitrary: fc.record({ ty: fc.constant("Unit" as const), e: unit }), weight: 2 },
        { arbitrary: fc.record({ ty: fc.constant("String" as const), e: str }), weight: 2 },
        { arbitrary: fc.record({ ty: fc.constant("Data" as const), type: fc.nat(3), e: data }), weight: 4 },
      ) as fc.Arbitrary<AnyE>,
      result: fc.oneof(
        { arbitrary: fc.record({ ty: fc.constant("Int" as const), e: int }), weight: 5 },
        { arbitrary: fc.record({ ty: fc.constant("Bool" as const), e: bool }), weight: 3 },
        { arbitrary: fc.record({ ty: fc.constant("Unit" as const), e: unit }), weight: 1 },
        { arbitrary: fc.record({ ty: fc.constant("String" as const), e: str }), weight: 1 },
        { arbitrary: fc.record({ ty: fc.constant("Data" as const), type: fc.nat(3), e: data }), weight: 2 },
        ...(unions ? [resultOfPalette(data)] : []),
      ) as fc.Arbitrary<AnyE>,
      stmt: fc.oneof(
        options,
        { arbitrary: fc.record({ k: fc.constant("expr" as const), expr: fc.record({ ty: fc.constant("Unit" as const), e: unit }) }), weight: 15 },
        { arbitrary: fc.record({ k: fc.constant("let" as const), name: fc.nat(7), mutable: fc.boolean(), annotate: fc.boolean(), init: any }), weight: 18 },
        { arbitrary: fc.record({ k: fc.constant("assign" as const), ty: fc.constant("Int" as const), pick, op: fc.constantFrom(...intAssignOps), value: int }), weight: 15 },
        {
          arbitrary: fc.record({ k: fc.constant("assign" as const), ty: fc.constant("Bool" as const), pick, op: fc.constantFrom("=" as const, "&=" as const, "|=" as const, "^=" as const), value: bool }),
          weight: 6,
        },
        { arbitrary: fc.record({ k: fc.constant("expr" as const), expr: any }), weight: 3 },
        { arbitrary: fc.record({ k: fc.constant("escape" as const), brk: fc.boolean() }), weight: 6 },
        {
          arbitrary: fc.record({ k: fc.constant("if" as const), cond: bool, then: stmtList(stmt, 3), else: fc.option(stmtList(stmt, 3), { nil: null }), chain: fc.boolean() }),
          weight: 9,
        },
        { arbitrary: fc.record({ k: fc.constant("while" as const), cap: fc.integer({ min: 1, max: 4 }), cond: bool, body: stmtList(stmt, 4) }), weight: 9 },
        { arbitrary: fc.record({ k: fc.constant("for" as const), name: fc.nat(7), from: int, to: int, nearMax: fc.boolean(), scale: fc.option(fc.constantFrom(3n, 5n, 9n, 500n, -7n, MAX), { freq: 3 }), body: stmtList(stmt, 4) }), weight: 9 },
        { arbitrary: fc.record({ k: fc.constant("exit" as const), code: int }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("callLet" as const), name: fc.nat(7), call: callOf }), weight: 3 },
        { arbitrary: fc.record({ k: fc.constant("panic" as const), message: fc.nat(3), text: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: str, weight: 1 }) }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("assign" as const), ty: fc.constant("String" as const), pick, append: fc.nat(2), value: str }), weight: 4 },
        { arbitrary: fc.record({ k: fc.constant("assign" as const), ty: fc.constant("Data" as const), pick, value: data }), weight: 3 },
        { arbitrary: fc.record({ k: fc.constant("setField" as const), pick, op: fc.constantFrom(...intAssignOps), value: part, reassign: fc.nat(3) }), weight: 6 },
        { arbitrary: setIndex(effectFirst, fc.nat(2)), weight: 6 },
        { arbitrary: fc.record({ k: fc.constant("forEach" as const), name: fc.nat(7), pick, type: fc.nat(3), iter: data, body: stmtList(stmt, 3) }), weight: 4 },
        { arbitrary: fc.record({ k: fc.constant("alias" as const), pick, index, value: part }), weight: 4 },
        { arbitrary: fc.record({ k: fc.constant("build" as const), name: fc.nat(7), pick, init: str, piece: str, body: stmtList(stmt, 2) }), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("letFn" as const), name: fc.nat(7), fn: lambdaSkel(result) }), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("kernel" as const), shape: fc.nat(5), n: fc.nat(20), pick, seed: int }), weight: 3 },
      ) as fc.Arbitrary<Stmt>,
      // Small statements whose effect a later operand can show: mostly an assignment or a store
      // (which prefer what earlier operands read), a call, print, read_int, an escape.
      effect: fc.oneof(
        options,
        { arbitrary: fc.record({ k: fc.constant("assign" as const), ty: fc.constant("Int" as const), pick, op: fc.constantFrom(...intAssignOps), value: int }), weight: 6 },
        { arbitrary: fc.record({ k: fc.constant("assign" as const), ty: fc.constant("Bool" as const), pick, op: fc.constantFrom("=" as const, "^=" as const), value: bool }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("assign" as const), ty: fc.constant("String" as const), pick, append: fc.constant(0), value: str }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("assign" as const), ty: fc.constant("Data" as const), pick, value: data }), weight: 3 },
        { arbitrary: setIndex(fc.constant(null), fc.constant(1)), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("setField" as const), pick, op: fc.constantFrom(...intAssignOps), value: part, reassign: fc.constant(1) }), weight: 1 },
        { arbitrary: boxSet, weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("callLet" as const), name: fc.nat(7), call: callOf }), weight: 2 },
        { arbitrary: fc.record({ k: fc.constant("expr" as const), expr: fc.record({ ty: fc.constant("Unit" as const), e: fc.record({ k: fc.constant("print" as const), ty: fc.constant("Int" as const), arg: int }) }) }), weight: 1 },
        { arbitrary: fc.record({ k: fc.constant("expr" as const), expr: fc.record({ ty: fc.constant("Int" as const), e: fc.record({ k: fc.constant("read" as const) }) }) }), weight: 1 },
        {
          arbitrary: fc.record({ k: fc.constant("expr" as const), expr: fc.record({ ty: fc.constant("Unit" as const), e: fc.record({ k: fc.constant("never" as const), cond: bool, value: fc.constant({ k: "unit" as const }), how: fc.nat(2) }) }) }),
          weight: 1,
        },
      ) as fc.Arbitrary<Stmt>,
      program: fc.record({
        // With unions, up to five: records stay about as common as without (props/types.ts names them).
        decls: fc.array(declSkel(unions), { maxLength: unions ? 5 : 3 }),
        palette: unions ? withResult(fc.array(typeSkel(2, 6, true), { minLength: 1, maxLength: 3 }), typeSkel(1, 6, true)) : fc.array(typeSkel(2, 6), { minLength: 1, maxLength: 3 }),
        consts: fc.array(
          fc.oneof(
            fc.record({ ty: fc.constant("Int" as const), value: int, after: fc.boolean() }),
            fc.record({ ty: fc.constant("Bool" as const), value: bool, after: fc.boolean() }),
            fc.record({ ty: fc.constant("String" as const), value: str, after: fc.boolean() }),
          ) as fc.Arbitrary<ConstSkeleton>,
          { maxLength: 3 },
        ),
        functions: fc.array(
          fc.record({
            params: fc.array(paramSkel, { maxLength: 3 }),
            early: fc.option(bool, { nil: null }),
            change: fc.option(fc.oneof(setIndex(fc.constant(null), fc.constant(1)), boxSet), { nil: null, freq: 4 }),
            body: stmtList(stmt, 4),
            result,
            tail: fc.option(callOf, { nil: null }),
            after: fc.boolean(),
          }),
          { maxLength: 2 },
        ),
        body: fc.array(stmt, { minLength: 1, maxLength: 10, depthIdentifier, size: "medium" }),
        tail: fc.option(callOf, { nil: null }),
        stdin: fc.array(inputLine, { maxLength: 5 }),
        ...(unions ? { unions: unionFunctions({ int, bool, data, part, effect, stmt }) } : {}),
        ...(unions ? { methods: methodsSkel } : {}),
      }) as fc.Arbitrary<Skeleton>,
    };
  });
}

/** Realizes and prints a skeleton. The tree has the prelude's items the program may use, as
 * resolve-modules joins them (front-end/prelude.ts), so that the interpreters can run it. */
export function generated(skeleton: Skeleton): Generated {
  const realized = realize(skeleton);
  const constructs = new Set(realized.constructs);
  const program = skeleton.methods ? withMethods(realized.program, skeleton.methods, constructs) : realized.program;
  const stdin = skeleton.stdin.map((line) => `${line}\n`).join("");
  const source = quastraSource(program);
  return { program: skeleton.unions ? withPreludeOf(program, source) : program, source, stdin, constructs };
}

/** The program with the prelude's items it may use, as resolve-modules joins them to the
 * program its source compiles to (front-end/prelude.ts). */
function withPreludeOf(program: Lsrc.Program, source: string): Lsrc.Program {
  const context = passContext("generated.qs", source);
  const joined: Lsrc.Program = resolveModules.run(parse.run(source, context), context);
  return { ...program, items: [...program.items, ...joined.items.filter((item) => item.kind === "Module")] };
}

/** The arbitrary of generated programs; with `unions`, they have unions, match, generics,
 * Option/Result and try too (off by default while the passes cannot compile them). */
export function programs(options: GeneratorOptions = defaultGenerator): fc.Arbitrary<Generated> {
  const whole = arbitraries(options).program.map(generated);
  if (!options.modules) return whole;
  // About half the programs are split: a pick per item says whether it moves to the module.
  // Half the split programs use the module's items qualified, half add two modules of one last segment.
  const picks = fc.option(fc.record({ picks: fc.array(fc.boolean(), { maxLength: 12 }), qualified: fc.boolean(), twins: fc.boolean() }), { nil: null, freq: 2 });
  return fc.tuple(whole, picks).map(([g, pick]) => (pick === null ? g : split(g, pick.picks, pick)));
}

/** The program split into modules as `picks` says, or as it is when nothing moves. */
function split(g: Generated, picks: readonly boolean[], style: { qualified: boolean; twins: boolean }): Generated {
  const s = splitProgram(g.program, picks, style);
  if (s === null) return g;
  const constructs = new Set([...g.constructs, "program of two modules"]);
  if (new RegExp(`^use ${splitModule.use}\\.\\{`, "m").test(s.source)) constructs.add("item imported from a module");
  if (style.qualified && /\blib\.[A-Za-z_]/.test(s.source)) constructs.add("qualified use of a module's item");
  if (style.twins) constructs.add("private items of one name in two modules of one last segment");
  if (/^impl/m.test(s.modules[0]!.source)) constructs.add("impl in a module");
  return { ...g, source: s.source, modules: s.modules, constructs };
}
