// The const items of a program, checked and evaluated at compile time (part of
// check-types). A const is global and order-independent: it may use consts
// declared after it. Its value must be a constant expression (literals, unary
// and binary operators, other consts) of its declared type, Int, Bool or
// String (Strings joined with `+` and compared, as at run time); it is
// computed with ir-defs/semantics.ts, so a division by zero is a compile error
// (every operand is evaluated, even the right side of && and ||, so that is
// true wherever it appears). A const that depends on itself is an error naming
// the cycle. Consts are worked out in dependency order (dependency-order.ts),
// each after the consts it uses, so a long chain costs no stack here; and a
// const's value, with the consts it uses written out in their places, nests at
// most maxNesting levels deep, like any expression, so no later pass that
// evaluates consts in its own order needs a deep stack either.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { unreachable, type Loc } from "../il/node.js";
import { forEachNode } from "../il/rewrite.js";
import { binary, Panic, stringBinary, unary } from "../ir-defs/semantics.js";
import { binaryTyping, stringOps, stringTyping, unaryTyping } from "./operators.js";
import { BoolType, ErrorType, fits, IntType, isType, same, show, silent, StringType, UnitType, type Type } from "./types.js";
import { dependencyOrder } from "./dependency-order.js";
import { maxNesting } from "./parser.js";

export interface ConstantInfo {
  /** The declared type, or Error when it is not one a const may have. */
  readonly type: Type;
  /** The value, or null when it could not be computed (an error was reported). */
  readonly value: Constant | null;
  readonly loc: Loc | undefined;
}

export type Constant = bigint | boolean | string;

/** The most bytes a String const may hold: `const B: String = A + A`, 256 times over, would not fit anywhere. */
export const maxConstantBytes = 1 << 20;

interface Evaluated {
  readonly type: Type;
  readonly value: Constant | null;
  /** How deep the value nests with the consts it uses written out; 0 once that was too deep. */
  readonly depth: number;
}

/** Checks and evaluates every const; `definitions` holds the first item of each name;
 * `resolve` reads a written type. */
export function checkConstants(definitions: ReadonlyMap<string, Lsrc.Const>, resolve: (item: Lsrc.Const) => Type, sink: DiagnosticSink): Map<string, ConstantInfo> {
  const done = new Map<string, ConstantInfo & { depth: number }>();
  const uses = (name: string): string[] => {
    const used: string[] = [];
    forEachNode(LsrcIL, definitions.get(name)!.value, (node) => {
      if (node.kind === "Var" && definitions.has(node.name as string)) used.push(node.name as string);
    });
    return used;
  };
  const { order, broken } = dependencyOrder(definitions.keys(), uses, (start, cycle) => {
    sink.report(definitions.get(start)!.loc, `constant \`${start}\` depends on itself: ${cycle}`);
  });

  /** A String const's value, refused when longer than maxConstantBytes. */
  const joined = (e: Lsrc.Expr, owner: string, value: string | boolean, type: Type, depth: number): Evaluated => {
    if (typeof value !== "string" || Buffer.byteLength(value) <= maxConstantBytes) return { type, value, depth };
    sink.report(e.loc, `the value of constant \`${owner}\` is longer than 1 MiB (${maxConstantBytes.toLocaleString("en-US")} bytes)`);
    return { type, value: null, depth };
  };
  const evaluate = (e: Lsrc.Expr, owner: string): Evaluated => {
    const none = (type: Type): Evaluated => ({ type, value: null, depth: 1 });
    switch (e.kind) {
      case "Int": return { type: IntType, value: e.value, depth: 1 };
      case "Bool": return { type: BoolType, value: e.value, depth: 1 };
      case "Unit": return none(UnitType);
      case "Var": {
        const used = done.get(e.name);
        if (used) return used;
        sink.report(e.loc, `unknown name \`${e.name}\` (a const may only use literals and other consts)`);
        return none(ErrorType);
      }
      case "Unary": {
        const arg = evaluate(e.arg, owner);
        const typing = unaryTyping(e.op, arg.type);
        if (typing.error) sink.report(e.arg.loc, typing.error.message);
        const depth = arg.depth && arg.depth + 1;
        if (typing.error || arg.value === null) return { type: typing.type, value: null, depth };
        return { type: typing.type, value: unary(e.op, arg.value as bigint | boolean), depth }; // (a String is an error here)
      }
      case "Binary": {
        const left = evaluate(e.left, owner);
        const right = evaluate(e.right, owner);
        const strings = stringOps.has(e.op) && (isType(left.type, StringType) || (silent(left.type) && isType(right.type, StringType)));
        const typing = strings ? stringTyping(e.op, right.type) : binaryTyping(e.op, left.type, right.type);
        if (typing.error) sink.report(typing.error.side === "left" ? e.left.loc : e.right.loc, typing.error.message);
        const depth = left.depth && right.depth && Math.max(left.depth, right.depth) + 1;
        if (typing.error || left.value === null || right.value === null) return { type: typing.type, value: null, depth };
        try {
          if (typeof left.value === "string") return joined(e, owner, stringBinary(e.op, left.value, right.value as string), typing.type, depth);
          return { type: typing.type, value: binary(e.op, left.value, right.value as bigint | boolean), depth };
        } catch (error) {
          if (!(error instanceof Panic)) throw error;
          sink.report(e.loc, `${error.panicMessage} in the value of constant \`${owner}\``);
          return { type: typing.type, value: null, depth };
        }
      }
      case "Str": return { type: StringType, value: e.value, depth: 1 };
      case "Block":
      case "If":
      case "Call":
      case "Tuple":
      case "Field":
      case "Index":
      case "RecordLit":
      case "MethodCall":
      case "Match":
      case "Try":
      case "Lambda":
      case "Apply":
      case "Scope":
      case "Spawn":
      case "Channel":
        sink.report(e.loc, "a const's value must be a constant expression: literals, operators and other consts");
        return none(ErrorType);
      default: return unreachable(e);
    }
  };

  const declaredTypes = new Map<string, { written: Type; declared: Type }>();
  for (const name of order) {
    const item = definitions.get(name)!;
    const written = resolve(item);
    const declared = isType(written, IntType) || isType(written, BoolType) || isType(written, StringType) ? written : ErrorType;
    declaredTypes.set(name, { written, declared });
    // A const on a cycle has no value; the consts that use it are silent.
    if (broken.has(name)) done.set(name, { type: declared, value: null, loc: item.loc, depth: 0 });
  }
  for (const name of order) {
    if (broken.has(name)) continue;
    const item = definitions.get(name)!;
    const { written, declared } = declaredTypes.get(name)!;
    const result = evaluate(item.value, name);
    if (result.depth > maxNesting) sink.report(item.loc, `constant \`${name}\` is nested too deeply: its value, with the constants it uses written out in their places, is more than ${maxNesting} levels deep`);
    if (declared === ErrorType) {
      if (written !== ErrorType) sink.report(item.loc, `a const must be an Int, a Bool or a String, not ${show(written)}`);
    } else if (!fits(result.type, declared)) sink.report(item.value.loc, `expected ${show(declared)}, found ${show(result.type)}`);
    const ok = declared !== ErrorType && same(result.type, declared) && result.depth <= maxNesting;
    done.set(name, { type: declared, value: ok ? result.value : null, loc: item.loc, depth: ok ? result.depth : 0 });
  }
  return done;
}
