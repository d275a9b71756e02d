// The typing rules of the unary and binary operators (part of check-types),
// shared by the checking of expressions (front-end/check-body.ts) and of const
// items (front-end/check-constants.ts). spec/language.md states the same rules.

import { BoolType, IntType, isType, show, silent, fits, StringType, type Type, ErrorType } from "./types.js";

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
const intOrBool = (t: Type) => isType(t, IntType) || isType(t, BoolType);

/** The typing rule of a binary operator, given its operands' types. */
export function binaryTyping(op: string, left: Type, right: Type): OperatorTyping {
  const both = (want: Type, result: Type): OperatorTyping => ({
    type: result,
    error: !fits(left, want) ? mismatch("left", show(want), left) : !fits(right, want) ? mismatch("right", show(want), right) : null,
  });
  if (intOps.has(op)) return both(IntType, IntType);
  if (orderOps.has(op) && !intOrBool(left) && !silent(left)) return { type: BoolType, error: { side: "left", message: `\`${op}\` orders Ints, Bools, Strings and values of a record or union with an impl of Ord, not ${show(left)}` } };
  if (orderOps.has(op)) return isType(left, BoolType) ? both(BoolType, BoolType) : both(IntType, BoolType); // (`false < true`)
  if (op === "&&" || op === "||") return both(BoolType, BoolType);
  // & | ^ on Int×Int or Bool×Bool; == != on Int or Bool, the same on both sides.
  const result = (t: Type): Type => (op === "==" || op === "!=" ? BoolType : t);
  if (intOrBool(left)) return both(left.canon, result(left.canon));
  if (silent(left)) {
    if (intOrBool(right) || silent(right)) return { type: result(silent(right) ? left : right.canon), error: null };
    return { type: ErrorType, error: mismatch("right", "Int or Bool", right) };
  }
  if (op === "==" || op === "!=") return { type: ErrorType, error: { side: "left", message: `\`${op}\` compares Ints, Bools, Strings and values of a record or union with an impl of Eq, not ${show(left)}` } };
  return { type: ErrorType, error: mismatch("left", "Int or Bool", left) };
}

/** The binary operators on Strings: `+` joins them, the comparisons order their bytes
 * (check-body.ts lowers them to primitives before binaryTyping would see them). */
export const stringOps: ReadonlySet<string> = new Set(["+", "==", "!=", "<", "<=", ">", ">="]);

/** The typing rule of `a op b` with `a` a String and op one of stringOps: `+` gives a String,
 * a comparison a Bool; `b` must be a String. */
export function stringTyping(op: string, right: Type): OperatorTyping {
  return { type: op === "+" ? StringType : BoolType, error: fits(right, StringType) ? null : mismatch("right", "String", right) };
}

/** The typing rule of a unary operator: - and ~ on Int, ! on Bool. */
export function unaryTyping(op: string, arg: Type): OperatorTyping {
  const want = op === "!" ? BoolType : IntType;
  return { type: want, error: fits(arg, want) ? null : mismatch("arg", show(want), arg) };
}
