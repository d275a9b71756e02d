// Skeletons: what fast-check generates for a program (props/generator.ts),
// before props/realize.ts gives it scopes and names. A variable is only a
// number (`pick`) and a name an index into a pool, so any part of a skeleton
// can be dropped or replaced while shrinking and the program stays well typed.
//
// Heap data works the same way. A type is a TypeSkel, resolved against the
// program's records and aliases (props/types.ts); a DataE is "a value of
// whatever type is wanted here", which realize reads by that type: `new`
// builds one from its parts (a tuple, a record literal, `array(n, init)`,
// `Box(v)`, or a literal for Int, Bool and String), `proj` reads one out of a
// variable that holds it (fields, elements, `b.get()`), and a part of the
// wrong sort gives a default value. So a skeleton never fixes a type that a
// shrink could break.
import type { MethodsSkel } from "./realize-methods.js";
import { INT_MAX, INT_MIN } from "../ir-defs/semantics.js";

export type IntOp = "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "<<" | ">>";
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type BoolOp = "&&" | "||" | "&" | "|" | "^" | "==" | "!=" | "<" | "<=" | ">" | ">=";
export type Ty = "Int" | "Bool" | "Unit";

/** What every type's expressions share: a variable, an if/else, a block with a value, a Never branch. */
export interface VarE { readonly k: "var"; readonly pick: number }
export interface IfE<E> { readonly k: "if"; readonly cond: BoolE; readonly then: E; readonly else: E }
export interface BlockE<E> { readonly k: "block"; readonly stmts: readonly Stmt[]; readonly value: E }
/** `if cond { value } else { panic / break / continue }`: Never joins with the value's type. */
export interface NeverE<E> { readonly k: "never"; readonly cond: BoolE; readonly value: E; readonly how: number }
/** `{ effect; value }`: one statement with a side effect (an assignment, a store, a call, print,
 * read_int, an escape), then the value. Put in any operand, its effect shows evaluation order;
 * an assignment or store in it prefers what earlier operands read (Context.earlier). */
export interface SideEffectE<E> { readonly k: "sideEffect"; readonly effect: Stmt; readonly value: E }
/** A call of a function the code may call (one defined before it, or any from main)
 * whose result has the expression's type: `pick` chooses it; its arguments are
 * taken from `ints` and `bools` in order (literals when they run out).
 * `indirect`: through a variable, `{ let g = f; g(...) }`. */
export interface CallE {
  readonly k: "call";
  readonly pick: number;
  readonly ints: readonly IntE[];
  readonly bools: readonly BoolE[];
  /** The arguments of the other parameters (String and heap types), read at each one's type. */
  readonly data: readonly DataE[];
  readonly indirect: boolean;
}
/** A value read out of a variable (or a call's result) that holds one of the wanted type:
 * `p.x`, `t.1`, `a[i].y`, `b.get()`. `pick` chooses the variable and the path. */
export interface ProjE { readonly k: "proj"; readonly pick: number; readonly index: IndexSkel; readonly effect: Effect }
/** An anonymous function `fn(q0: T0, ...) -> R { body; result }`: its parameters' types, its statements
 * and its result (props/realize-closures.ts). Its body reads what it likes of the scope around it: it captures that. */
export interface LambdaSkel<R> {
  readonly params: readonly ParamSkel[];
  /** When set, the body first prints what a variable around it (chosen by this pick; from 3 on, two) holds: it captures it. */
  readonly reads: number | null;
  readonly body: readonly Stmt[];
  readonly result: R;
}
/** An anonymous function of the type wanted's result, called with `args` (read as a CallE's) where
 * it stands; `how` it reaches its call (in a variable, where it is made, passed to or returned
 * from a function, through a Box or an array, or a fn item instead), `between` run after it is
 * made and before the call (an assignment there shows that captures are copies). */
export interface LambdaE<E> { readonly k: "lambda"; readonly fn: LambdaSkel<E>; readonly args: CallE; readonly how: number; readonly between: Effect }
export type Shared<E> = VarE | IfE<E> | BlockE<E> | NeverE<E> | CallE | SideEffectE<E> | UnionShared<E> | LambdaE<E>;
/** A statement with a side effect run first: before the variable a place starts from is read
 * (`({ i = 2; a })[i]`, props/places.ts), before a part, or before an operand of a store; or null. */
export type Effect = Stmt | null;

export type IntE =
  | VarE | IfE<IntE> | BlockE<IntE> | NeverE<IntE> | CallE | SideEffectE<IntE> | MatchE<IntE> | TryE | PreludeCallE | GenericCallE | LambdaE<IntE>
  | { readonly k: "lit"; readonly value: bigint }
  | { readonly k: "unary"; readonly op: "-" | "~"; readonly arg: IntE }
  /** `safe` 2: a divisor is written `(d | 1)`, 3: `(d | -2)` (-1 or -2, where MIN / -1 overflows), so it is never zero;
   * 1: `((d & 15) + 1)`, 1 to 16, whose guards drop-division-checks drops; 0: `d`;
   * 4, 5 and 6: 2, 8 and 2^62, powers of two, which lower-division divides by with shifts. */
  | { readonly k: "binary"; readonly op: IntOp; readonly left: IntE; readonly right: IntE; readonly safe: number }
  | { readonly k: "read" }
  /** `{ x op= value; result }`: an assignment inside an expression, where evaluation order shows;
   * a third of the time read just before, `(x - { x += 1; r })`, by an operator that `pick` chooses. */
  | { readonly k: "effect"; readonly pick: number; readonly op: AssignOp; readonly value: IntE; readonly result: IntE }
  | ProjE
  /** `len(a)` of an array or string in scope (by `pick`), or `len(text)`. */
  | { readonly k: "len"; readonly pick: number; readonly text: StrE; readonly effect: Effect }
  /** `string_byte(text, at)`: `at` is 0 to 2, out of range for a short text (a panic). */
  | { readonly k: "byte"; readonly text: StrE; readonly at: number };

export type BoolE =
  | VarE | IfE<BoolE> | BlockE<BoolE> | NeverE<BoolE> | CallE | SideEffectE<BoolE> | MatchE<BoolE> | TryE | PreludeCallE | GenericCallE | LambdaE<BoolE>
  | { readonly k: "lit"; readonly value: boolean }
  | { readonly k: "not"; readonly arg: BoolE }
  /** `{ x = value; result }` on a `let mut` Bool; a third of the time read just before, `(x op { x = value; result })`. */
  | { readonly k: "effect"; readonly pick: number; readonly op: BoolOp; readonly value: BoolE; readonly result: BoolE }
  | { readonly k: "logic"; readonly op: BoolOp; readonly left: BoolE; readonly right: BoolE }
  /** `mirror` 0: a literal or variable is compared with itself, the edge case of every comparison. */
  | { readonly k: "compare"; readonly op: CompareOp; readonly left: IntE; readonly right: IntE; readonly mirror: number }
  | ProjE
  /** `s == t`, `s != t` on Strings; `mirror` 0: a string compared with itself. */
  | { readonly k: "strcmp"; readonly op: "==" | "!="; readonly left: StrE; readonly right: StrE; readonly mirror: number };

export type UnitE =
  | VarE | IfE<UnitE> | BlockE<UnitE> | NeverE<UnitE> | CallE | SideEffectE<UnitE> | MatchE<UnitE> | TryE | PreludeCallE | GenericCallE | LambdaE<UnitE>
  | { readonly k: "unit" }
  | { readonly k: "print"; readonly arg: IntE | BoolE; readonly ty: "Int" | "Bool" }
  | { readonly k: "print"; readonly arg: StrE; readonly ty: "String" }
  | { readonly k: "write"; readonly arg: StrE }
  /** `b.set(v)` on a Box in scope (by `pick`). */
  | { readonly k: "boxSet"; readonly pick: number; readonly value: Part; readonly effect: Effect }
  | { readonly k: "assert"; readonly arg: BoolE; readonly likely: boolean }
  | { readonly k: "when"; readonly cond: BoolE; readonly body: readonly Stmt[] };

export type StrE =
  | VarE | IfE<StrE> | BlockE<StrE> | NeverE<StrE> | CallE | SideEffectE<StrE> | MatchE<StrE> | TryE | PreludeCallE | GenericCallE | LambdaE<StrE> | ProjE
  | { readonly k: "lit"; readonly value: string }
  | { readonly k: "concat"; readonly left: StrE; readonly right: StrE }
  /** `string_slice(text, from, from + length)`: out of range or inside a character, a panic. */
  | { readonly k: "slice"; readonly text: StrE; readonly from: number; readonly length: number }
  /** `input_line()`: a line of the input given to read_int, "" at its end. */
  | { readonly k: "line" };

/** A value of the type the context wants (any type): see the header. */
export type DataE =
  | VarE | IfE<DataE> | BlockE<DataE> | NeverE<DataE> | CallE | SideEffectE<DataE> | MatchE<DataE> | TryE | PreludeCallE | GenericCallE | LambdaE<DataE> | ProjE
  | { readonly k: "new"; readonly parts: readonly Part[]; readonly size: SizeSkel; readonly seed: number }
  /** `{ x = value; result }`: a `let mut` String or heap variable given a new value inside an expression, where evaluation order shows. */
  | { readonly k: "effect"; readonly pick: number; readonly value: DataE; readonly result: DataE };

/** A part of a value being built or stored (a field, an element, an initial value): used when
 * its sort fits the type wanted there (a DataE always does), else a variable of that type or a default value. */
export type Part = ({ readonly ty: "Int"; readonly e: IntE } | { readonly ty: "Bool"; readonly e: BoolE } | { readonly ty: "String"; readonly e: StrE } | { readonly ty: "Data"; readonly e: DataE }) & {
  /** Run first, `{ effect; part }`: parts are operands of what they build or store. */
  readonly effect?: Effect;
};

/** An array index: `at` a small literal (arrays are mostly 2 to 5 long, so mostly in
 * bounds); `expr` an Int expression, `(e & 1)`, or with `wild` as it is (often out of bounds). */
export type IndexSkel = { readonly k: "at"; readonly value: number } | { readonly k: "expr"; readonly e: IntE; readonly wild: boolean };

/** The length of a new array: `n` (rarely negative or large), or `((e & 3) + n)`. */
export interface SizeSkel { readonly n: number; readonly e: IntE | null }

/** A type: Int, Bool, String, a tuple of 2 or 3, Array[T], Box[T], or one of the
 * program's records and aliases (`named`, by pick). */
export type TypeSkel =
  | "Int" | "Bool" | "String"
  | { readonly k: "tuple"; readonly elems: readonly TypeSkel[] }
  | { readonly k: "Array" | "Box"; readonly elem: TypeSkel }
  /** With the `unions` switch: a generic one's type arguments are `args`; Option and Result. */
  | { readonly k: "named"; readonly pick: number; readonly args?: readonly TypeSkel[] }
  | PreludeTypeSkel;

/** A record or a type alias; each may name only the ones before it, so no type is recursive. */
export type DeclSkel =
  | { readonly k: "record"; readonly fields: readonly TypeSkel[]; readonly after: boolean }
  | { readonly k: "alias"; readonly type: TypeSkel; readonly after: boolean }
  | UnionDeclSkel;

/** A parameter's type: Int, Bool, String, or one of the program's palette of types (by index). */
export type ParamSkel = "Int" | "Bool" | "String" | number;

export type Stmt =
  | { readonly k: "let"; readonly name: number; readonly mutable: boolean; readonly annotate: boolean; readonly init: AnyE }
  | { readonly k: "assign"; readonly ty: "Int"; readonly pick: number; readonly op: AssignOp; readonly value: IntE }
  | { readonly k: "assign"; readonly ty: "Bool"; readonly pick: number; readonly op: "=" | "&=" | "|=" | "^="; readonly value: BoolE }
  /** `s = value`, or with `append` 1 `s = s + value` (2: `s = value + s`), as loops that build strings do. */
  | { readonly k: "assign"; readonly ty: "String"; readonly pick: number; readonly append: number; readonly value: StrE }
  /** A new value for a `let mut` variable of a heap type (the old one is dropped). */
  | { readonly k: "assign"; readonly ty: "Data"; readonly pick: number; readonly value: DataE }
  /** `p.x op= v`, `p.a.0 = v`: a field of a `let mut` record or tuple variable. With `reassign` 0
   * the value first gives p a new value, `p.x = { p = ...; v }`: the update changes the new p. */
  | { readonly k: "setField"; readonly pick: number; readonly op: AssignOp; readonly value: Part; readonly reassign: number }
  /** `a[i] op= v` on an array reached from a variable. With `reassign` 0 the value first gives the
   * array or the index (then kept in a `let mut`) a new value: `a[i] = { i ^= 1; v }`. */
  | { readonly k: "setIndex"; readonly pick: number; readonly index: IndexSkel; readonly op: AssignOp; readonly value: Part; readonly effect: Effect; readonly reassign: number }
  /** `for v in a { body }` over an array in scope, or a new one of `Array[palette[type]]` (`iter`). */
  | { readonly k: "forEach"; readonly name: number; readonly pick: number; readonly type: number; readonly iter: DataE; readonly body: readonly Stmt[] }
  /** `let mut y = x`, a write through y, then everything in x printed: arrays and boxes
   * are shared (x sees the write), records and tuples are copied (x does not). */
  | { readonly k: "alias"; readonly pick: number; readonly index: IndexSkel; readonly value: Part }
  /** `let mut s = init`, then a loop (over an array in scope, chosen by `pick`, or 3 turns) whose
   * turns each do `s = s + piece` (piece made of literals only) and the body: a string built in a loop. */
  | { readonly k: "build"; readonly name: number; readonly pick: number; readonly init: StrE; readonly piece: StrE; readonly body: readonly Stmt[] }
  | { readonly k: "expr"; readonly expr: AnyE }
  | { readonly k: "if"; readonly cond: BoolE; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] | null; readonly chain: boolean }
  | { readonly k: "while"; readonly cap: number; readonly cond: BoolE; readonly body: readonly Stmt[] }
  /** `scale`: the body starts with print(i * scale), a product of the counter that reduce-strength changes. */
  | { readonly k: "for"; readonly name: number; readonly from: IntE; readonly to: IntE; readonly nearMax: boolean; readonly scale: bigint | null; readonly body: readonly Stmt[] }
  | { readonly k: "escape"; readonly brk: boolean }
  | { readonly k: "exit"; readonly code: IntE }
  /** `let x = f(...)` (or `f(...)` for Unit) of any function the code may call, chosen by `call.pick`. */
  | { readonly k: "callLet"; readonly name: number; readonly call: CallE }
  /** `let g = fn(...) -> R { ... }`: a closure in a variable, which calls (CallE) may then call. */
  | { readonly k: "letFn"; readonly name: number; readonly fn: LambdaSkel<AnyE> }
  /** `panic("...")`, or `panic(text)` with a computed message. */
  | { readonly k: "panic"; readonly message: number; readonly text: StrE | null }
  /** A loop nest over arrays of its own (props/realize-kernels.ts): `shape` says which, `n` its length, `seed` the value it starts from. */
  | { readonly k: "kernel"; readonly shape: number; readonly n: number; readonly pick: number; readonly seed: IntE };

/** An expression of any type; Data: a value of the program's palette type number `type`. */
export type AnyE =
  | { readonly ty: "Int"; readonly e: IntE }
  | { readonly ty: "Bool"; readonly e: BoolE }
  | { readonly ty: "Unit"; readonly e: UnitE }
  | { readonly ty: "String"; readonly e: StrE }
  /** `type`: the palette's type number `type`; -1, its last (the unions switch's Result). */
  | { readonly ty: "Data"; readonly type: number; readonly e: DataE };
export type AssignOp = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=";

export interface ConstSkeleton {
  readonly ty: "Int" | "Bool" | "String";
  readonly value: IntE | BoolE | StrE;
  /** Written after `main` (consts are visible in any order). */
  readonly after: boolean;
}

/** A fn item `f<i>(p0: T0, ...) -> R`: an optional early `if early { return result }`,
 * statements, then `result` (of type R) as the body's value. Its body may call
 * only the functions before it, so every program terminates. */
export interface FnSkeleton {
  readonly params: readonly ParamSkel[];
  readonly early: BoolE | null;
  /** A first statement that stores into an array or a Box, one of the parameters' when it can:
   * a call of the function then changes what its caller sees (`a[0] + f(a)`). */
  readonly change: Stmt | null;
  readonly body: readonly Stmt[];
  readonly result: AnyE;
  /** When set and a function before it has the same result type: the result is this call
   * of it instead, a tail call (one that returns what it calls, with nothing left to drop). */
  readonly tail: CallE | null;
  /** Written after `main` (items are visible in any order). */
  readonly after: boolean;
}

export interface Skeleton {
  readonly consts: readonly ConstSkeleton[];
  /** The program's records and type aliases. */
  readonly decls: readonly DeclSkel[];
  /** The types (besides Int, Bool, String) that variables, parameters and results take. */
  readonly palette: readonly TypeSkel[];
  readonly functions: readonly FnSkeleton[];
  readonly body: readonly Stmt[];
  /** A call of a Unit function that ends main, after the printing of its variables (a tail call when none needs dropping). */
  readonly tail: CallE | null;
  /** Lines given to read_int (sometimes too few, sometimes not numbers). */
  readonly stdin: readonly string[];
  /** With the generator's `unions` switch (props/generator-unions.ts): generic functions and
   * structurally recursive ones over the program's recursive unions. */
  readonly unions?: { readonly generics: readonly GenericFnSkel[]; readonly folds: readonly FoldSkel[] };
  /** With the same switch: methods, a protocol and a bounded generic, usings (props/realize-methods.ts). */
  readonly methods?: MethodsSkel;
}

// What the generator's `unions` switch adds (props/generator-unions.ts), before
// props/realize-unions.ts and realize-match.ts give it types and names. As
// everywhere in a skeleton, nothing here fixes a type: a match's patterns are
// a list of small numbers that realize reads at the scrutinee's type, a
// union's fields are TypeSkels, so shrinking keeps every program well typed.

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
 * is_err, abs) whose result has the type wanted, on `arg` read at the parameter's type;
 * with `method`, written as the method of Option or Result (`o.unwrap()`) where there is one. */
export interface PreludeCallE { readonly k: "prelude"; readonly fn: number; readonly arg: DataE; readonly other: Part; readonly method: boolean }

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

export const MIN = INT_MIN;
export const MAX = INT_MAX;
/** Values where arithmetic goes wrong: zero, one, minus one, the ends of Int, shift counts near 64 and negative ones,
 * and the factors that x86-64's select-instructions multiplies by with one leaq (3, 5, 9). */
export const edgeInts = [0n, 1n, -1n, 2n, MIN, MAX, MIN + 1n, MAX - 1n, 62n, 63n, 64n, 65n, -63n, -64n, -65n, 3n, 5n, 9n];
export const intOps: readonly IntOp[] = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"];
export const compareOps: readonly CompareOp[] = ["==", "!=", "<", "<=", ">", ">="];
export const boolOps: readonly BoolOp[] = ["&&", "||", "&", "|", "^", "==", "!=", "<", "<=", ">", ">="];
export const intAssignOps: readonly AssignOp[] = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="];
/** Characters of generated string literals: plain ones, every escape of the lexer
 * (`\n \t \r \" \\ \0`, and `\u{..}` for other control bytes), multi-byte UTF-8. */
export const stringChars = ["a", "b", "z", "Q", " ", "0", "7", "-", ",", "\n", "\t", "\r", "\"", "\\", "\0", "\u{1b}", "\u{7f}", "\u{7}", "é", "日", "😀"];
/** Whole literals, mostly short: the empty string, words, one of each escape. */
export const stringLits = ["", "a", "ab", "hi", "Quastra", "x\n", "tab\tstop", "say \"hi\"", "back\\slash", "nul\0byte", "esc\u{1b}[0m", "café", "😀", "-1"];
