// The types of the spine and the typing rules of its operators, shared by
// check-types (passes/check-types.ts, front-end/check-body.ts) and the checking of
// const items (front-end/check-constants.ts). spec/language.md states the same rules.
//
// Besides the types a program can write there are two internal ones:
// Never, the type of an expression that does not finish (panic, exit, a block
// ending in break or continue), which fits wherever any type is expected; and
// Error, given to an expression that already has an error, which matches
// anything silently so that one mistake gives one diagnostic.

/** Int, Bool, Unit, String, a function type `fn(Int, Bool) -> Int` (spelt as
 * ir-defs/lsrc.ts spells it, so two types are equal when their texts are), or
 * one of the internal Never and Error. */
export type Type = string;

/** The types a program may write (the `type` terminal of Lsrc). */
export type WrittenType = string;

/** Whether a value of type `found` may be used where `expected` is wanted. */
export const fits = (found: Type, expected: Type): boolean =>
  found === expected || found === "Never" || found === "Error" || expected === "Error";

/** The type of two branches (if/else): Never gives way to the other; null if they differ. */
export function join(a: Type, b: Type): Type | null {
  if (a === "Never" || a === "Error") return b === "Never" ? a : b;
  if (b === "Never" || b === "Error") return a;
  return a === b ? a : null;
}

/** A type, as written in messages. */
export const show = (t: Type): string => (t === "Error" ? "an erroneous expression" : t);

/** What an operator needs of its operands, when one of them is wrong. */
export interface OperandError {
  readonly side: "left" | "right" | "arg";
  readonly message: string;
}

export interface OperatorTyping {
  readonly type: Type;
  /** At most one: the first wrong operand, left before right. */
  readonly error: OperandError | null;
}

const mismatch = (side: OperandError["side"], expected: string, found: Type): OperandError => ({
  side,
  message: `expected ${expected}, found ${show(found)}`,
});

const intOps: ReadonlySet<string> = new Set(["+", "-", "*", "/", "%", "<<", ">>"]);
const orderOps: ReadonlySet<string> = new Set(["<", "<=", ">", ">="]);
const intOrBool = (t: Type) => t === "Int" || t === "Bool";
const silent = (t: Type) => t === "Never" || t === "Error";

/** The typing rule of a binary operator, given its operands' types. */
export function binaryTyping(op: string, left: Type, right: Type): OperatorTyping {
  const both = (want: Type, result: Type): OperatorTyping => ({
    type: result,
    error: !fits(left, want) ? mismatch("left", want, left) : !fits(right, want) ? mismatch("right", want, right) : null,
  });
  if (intOps.has(op)) return both("Int", "Int");
  if (orderOps.has(op)) return both("Int", "Bool");
  if (op === "&&" || op === "||") return both("Bool", "Bool");
  // & | ^ on Int×Int or Bool×Bool; == != on Int or Bool, the same on both sides.
  const result = (t: Type): Type => (op === "==" || op === "!=" ? "Bool" : t);
  if (intOrBool(left)) return both(left, result(left));
  if (silent(left)) {
    if (intOrBool(right) || silent(right)) return { type: result(silent(right) ? left : right), error: null };
    return { type: "Error", error: mismatch("right", "Int or Bool", right) };
  }
  return { type: "Error", error: mismatch("left", "Int or Bool", left) };
}

/** The typing rule of a unary operator: - and ~ on Int, ! on Bool. */
export function unaryTyping(op: string, arg: Type): OperatorTyping {
  const want: Type = op === "!" ? "Bool" : "Int";
  return { type: want, error: fits(arg, want) ? null : mismatch("arg", want, arg) };
}
