// Skeletons: what fast-check generates for a program (tests/props/generator.ts),
// before tests/props/realize.ts gives it scopes and names. A variable is only a
// number (`pick`) and a name an index into a pool, so any part of a skeleton
// can be dropped or replaced while shrinking and the program stays well typed.
import { INT_MAX, INT_MIN } from "../../src/semantics.js";

export type IntOp = "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "<<" | ">>";
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type BoolOp = "&&" | "||" | "&" | "|" | "^" | "==" | "!=";
export type Ty = "Int" | "Bool" | "Unit";

/** What every type's expressions share: a variable, an if/else, a block with a value, a Never branch. */
export interface VarE { readonly k: "var"; readonly pick: number }
export interface IfE<E> { readonly k: "if"; readonly cond: BoolE; readonly then: E; readonly else: E }
export interface BlockE<E> { readonly k: "block"; readonly stmts: readonly Stmt[]; readonly value: E }
/** `if cond { value } else { panic / break / continue }`: Never joins with the value's type. */
export interface NeverE<E> { readonly k: "never"; readonly cond: BoolE; readonly value: E; readonly how: number }
/** A call of a function the code may call (one defined before it, or any from main)
 * whose result has the expression's type: `pick` chooses it; its arguments are
 * taken from `ints` and `bools` in order (literals when they run out).
 * `indirect`: through a variable, `{ let g = f; g(...) }`. */
export interface CallE { readonly k: "call"; readonly pick: number; readonly ints: readonly IntE[]; readonly bools: readonly BoolE[]; readonly indirect: boolean }
export type Shared<E> = VarE | IfE<E> | BlockE<E> | NeverE<E> | CallE;

export type IntE =
  | VarE | IfE<IntE> | BlockE<IntE> | NeverE<IntE> | CallE
  | { readonly k: "lit"; readonly value: bigint }
  | { readonly k: "unary"; readonly op: "-" | "~"; readonly arg: IntE }
  /** `safe`: a divisor is written `(d | 1)`, so it is never zero. */
  | { readonly k: "binary"; readonly op: IntOp; readonly left: IntE; readonly right: IntE; readonly safe: boolean }
  | { readonly k: "read" }
  /** `{ x op= value; result }`: an assignment inside an expression, where evaluation order shows. */
  | { readonly k: "effect"; readonly pick: number; readonly op: AssignOp; readonly value: IntE; readonly result: IntE };

export type BoolE =
  | VarE | IfE<BoolE> | BlockE<BoolE> | NeverE<BoolE> | CallE
  | { readonly k: "lit"; readonly value: boolean }
  | { readonly k: "not"; readonly arg: BoolE }
  | { readonly k: "logic"; readonly op: BoolOp; readonly left: BoolE; readonly right: BoolE }
  /** `mirror` 0: a literal or variable is compared with itself, the edge case of every comparison. */
  | { readonly k: "compare"; readonly op: CompareOp; readonly left: IntE; readonly right: IntE; readonly mirror: number };

export type UnitE =
  | VarE | IfE<UnitE> | BlockE<UnitE> | NeverE<UnitE> | CallE
  | { readonly k: "unit" }
  | { readonly k: "print"; readonly arg: IntE | BoolE; readonly ty: "Int" | "Bool" }
  | { readonly k: "assert"; readonly arg: BoolE; readonly likely: boolean }
  | { readonly k: "when"; readonly cond: BoolE; readonly body: readonly Stmt[] };

export type Stmt =
  | { readonly k: "let"; readonly name: number; readonly mutable: boolean; readonly annotate: boolean; readonly init: AnyE }
  | { readonly k: "assign"; readonly ty: "Int"; readonly pick: number; readonly op: AssignOp; readonly value: IntE }
  | { readonly k: "assign"; readonly ty: "Bool"; readonly pick: number; readonly op: "=" | "&=" | "|=" | "^="; readonly value: BoolE }
  | { readonly k: "expr"; readonly expr: AnyE }
  | { readonly k: "if"; readonly cond: BoolE; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] | null; readonly chain: boolean }
  | { readonly k: "while"; readonly cap: number; readonly cond: BoolE; readonly body: readonly Stmt[] }
  | { readonly k: "for"; readonly name: number; readonly from: IntE; readonly to: IntE; readonly nearMax: boolean; readonly body: readonly Stmt[] }
  | { readonly k: "escape"; readonly brk: boolean }
  | { readonly k: "exit"; readonly code: IntE }
  | { readonly k: "panic"; readonly message: number };

export type AnyE = { readonly ty: "Int"; readonly e: IntE } | { readonly ty: "Bool"; readonly e: BoolE } | { readonly ty: "Unit"; readonly e: UnitE };
export type AssignOp = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=";

export interface ConstSkeleton {
  readonly ty: "Int" | "Bool";
  readonly value: IntE | BoolE;
  /** Written after `main` (consts are visible in any order). */
  readonly after: boolean;
}

/** A fn item `f<i>(p0: T0, ...) -> R`: an optional early `if early { return result }`,
 * statements, then `result` (of type R) as the body's value. Its body may call
 * only the functions before it, so every program terminates. */
export interface FnSkeleton {
  readonly params: readonly ("Int" | "Bool")[];
  readonly early: BoolE | null;
  readonly body: readonly Stmt[];
  readonly result: AnyE;
  /** Written after `main` (items are visible in any order). */
  readonly after: boolean;
}

export interface Skeleton {
  readonly consts: readonly ConstSkeleton[];
  readonly functions: readonly FnSkeleton[];
  readonly body: readonly Stmt[];
  /** Lines given to read_int (sometimes too few, sometimes not numbers). */
  readonly stdin: readonly string[];
}

export const MIN = INT_MIN;
export const MAX = INT_MAX;
/** Values where arithmetic goes wrong: zero, one, minus one, the ends of Int, shift counts near 64 and negative ones. */
export const edgeInts = [0n, 1n, -1n, 2n, MIN, MAX, MIN + 1n, MAX - 1n, 62n, 63n, 64n, 65n, -63n, -64n, -65n];
export const intOps: readonly IntOp[] = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"];
export const compareOps: readonly CompareOp[] = ["==", "!=", "<", "<=", ">", ">="];
export const boolOps: readonly BoolOp[] = ["&&", "||", "&", "|", "^", "==", "!="];
export const intAssignOps: readonly AssignOp[] = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="];
