// The const items of a program, checked and evaluated at compile time (part of
// check-types). A const is global and order-independent: it may use consts
// declared after it. Its value must be a constant expression (literals, unary
// and binary operators, other consts) of its declared type, Int or Bool; it is
// computed with ir-defs/semantics.ts, so a division by zero is a compile error
// (every operand is evaluated, even the right side of && and ||, so that is
// true wherever it appears). A const that depends on itself is an error naming
// the cycle.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type { DiagnosticSink } from "./diagnostics.js";
import type { Loc } from "../il/node.js";
import { binary, Panic, unary } from "../ir-defs/semantics.js";
import { binaryTyping, fits, show, unaryTyping, type Type } from "./types.js";

export interface ConstantInfo {
  /** The declared type, or Error when it is not one a const may have. */
  readonly type: Type;
  /** The value, or null when it could not be computed (an error was reported). */
  readonly value: bigint | boolean | null;
  readonly loc: Loc | undefined;
}

interface Evaluated {
  readonly type: Type;
  readonly value: bigint | boolean | null;
}

const maxChain = 256;

/** Checks and evaluates every const; `definitions` holds the first item of each name. */
export function checkConstants(definitions: ReadonlyMap<string, Lsrc.Const>, sink: DiagnosticSink): Map<string, ConstantInfo> {
  const done = new Map<string, ConstantInfo>();
  const evaluating: string[] = []; // the consts being evaluated, outermost first

  const constant = (name: string): ConstantInfo => {
    const known = done.get(name);
    if (known) return known;
    const item = definitions.get(name)!;
    const declared: Type = item.type === "Int" || item.type === "Bool" ? item.type : "Error";
    const at = evaluating.indexOf(name);
    if (at >= 0) {
      const cycle = [...evaluating.slice(at), name].map((n) => `\`${n}\``).join(" -> ");
      const start = definitions.get(evaluating[at]!)!;
      sink.report(start.loc, `constant \`${evaluating[at]}\` depends on itself: ${cycle}`);
      return { type: declared, value: null, loc: item.loc };
    }
    if (evaluating.length >= maxChain) {
      sink.report(item.loc, `constants nested too deeply (more than ${maxChain} constants each using the next)`);
      return { type: declared, value: null, loc: item.loc };
    }
    evaluating.push(name);
    const result = evaluate(item.value, name);
    evaluating.pop();
    // A const reached again through a cycle was reported there; keep its first answer.
    const again = done.get(name);
    if (again) return again;
    if (declared === "Error") sink.report(item.loc, `a const must be an Int or a Bool for now, not ${item.type}`);
    else if (!fits(result.type, declared)) sink.report(item.value.loc, `expected ${declared}, found ${show(result.type)}`);
    const ok = declared !== "Error" && result.type === declared;
    const info: ConstantInfo = { type: declared, value: ok ? result.value : null, loc: item.loc };
    done.set(name, info);
    return info;
  };

  const evaluate = (e: Lsrc.Expr, owner: string): Evaluated => {
    switch (e.kind) {
      case "Int": return { type: "Int", value: e.value };
      case "Bool": return { type: "Bool", value: e.value };
      case "Unit": return { type: "Unit", value: null };
      case "Var": {
        if (definitions.has(e.name)) return constant(e.name);
        sink.report(e.loc, `unknown name \`${e.name}\` (a const may only use literals and other consts)`);
        return { type: "Error", value: null };
      }
      case "Unary": {
        const arg = evaluate(e.arg, owner);
        const typing = unaryTyping(e.op, arg.type);
        if (typing.error) sink.report(e.arg.loc, typing.error.message);
        if (typing.error || arg.value === null) return { type: typing.type, value: null };
        return { type: typing.type, value: unary(e.op, arg.value) };
      }
      case "Binary": {
        const left = evaluate(e.left, owner);
        const right = evaluate(e.right, owner);
        const typing = binaryTyping(e.op, left.type, right.type);
        if (typing.error) sink.report(typing.error.side === "left" ? e.left.loc : e.right.loc, typing.error.message);
        if (typing.error || left.value === null || right.value === null) return { type: typing.type, value: null };
        try {
          return { type: typing.type, value: binary(e.op, left.value, right.value) };
        } catch (error) {
          if (!(error instanceof Panic)) throw error;
          sink.report(e.loc, `${error.panicMessage} in the value of constant \`${owner}\``);
          return { type: typing.type, value: null };
        }
      }
      case "Str":
        sink.report(e.loc, "a const must be an Int or a Bool for now: a String is not a constant expression");
        return { type: "Error", value: null };
      case "Block":
      case "If":
      case "Call":
      case "Tuple":
      case "Field":
      case "Index":
      case "RecordLit":
      case "MethodCall":
        sink.report(e.loc, "a const's value must be a constant expression: literals, operators and other consts");
        return { type: "Error", value: null };
      default: {
        const never: never = e;
        throw new Error(`unknown expression ${(never as { kind: string }).kind}`);
      }
    }
  };

  for (const name of definitions.keys()) constant(name);
  return done;
}
