// Helpers for tests/middle.test.ts: build small Ltyped programs by hand, and run
// a program through the middle passes with the driver's checking loop, which
// validates each output against its IL and runs each IL's interpreter.
import type * as T from "../ir-defs/generated/Ltyped.js";
import { Ltyped } from "../ir-defs/ltyped.js";
import { desugarCompoundAssign } from "../passes/desugar-compound-assign.js";
import { desugarFieldUpdate } from "../passes/desugar-field-update.js";
import { desugarFor } from "../passes/desugar-for.js";
import { lowerTasks } from "../passes/lower-tasks.js";
import { lowerChannels } from "../passes/lower-channels.js";
import { insertIndexChecks } from "../passes/insert-index-checks.js";
import { lowerDataLayout } from "../passes/lower-data-layout.js";
import { dropUnusedValues } from "../passes/drop-unused-values.js";
import { explicateControl } from "../passes/explicate-control.js";
import { explicateReturns } from "../passes/explicate-returns.js";
import { markTailCalls } from "../passes/mark-tail-calls.js";
import { orderBlocks } from "../passes/order-blocks.js";
import { inlineConstants } from "../passes/inline-constants.js";
import { removeComplexOperands } from "../passes/remove-complex-operands.js";
import { shrink } from "../passes/shrink.js";
import { layOutClosures } from "../passes/lay-out-closures.js";
import { uniquify } from "../passes/uniquify.js";
import { uncoverCaptures } from "../passes/uncover-captures.js";
import { liftFunctions } from "../passes/lift-functions.js";
import { convertClosures } from "../passes/convert-closures.js";
import { monomorphize } from "../passes/monomorphize.js";
import { expandTry } from "../passes/expand-try.js";
import { resolveMethods } from "../passes/resolve-methods.js";
import { compileMatch } from "../passes/compile-match.js";
import { expandUsing } from "../passes/expand-using.js";
import { checkPasses, throwIfBroken, type Start } from "../driver/driver.js";
import type { Outcome, RunOptions } from "../interp/runtime-model.js";
import { ilName, type Pass } from "../il/pass.js";

export const middlePasses: readonly Pass[] = [uniquify, monomorphize, inlineConstants, resolveMethods, expandTry, compileMatch, expandUsing, desugarCompoundAssign, desugarFieldUpdate, desugarFor, lowerTasks, uncoverCaptures, liftFunctions, convertClosures, shrink, lowerChannels, lowerDataLayout, layOutClosures, insertIndexChecks, removeComplexOperands, explicateReturns, dropUnusedValues, explicateControl, markTailCalls, orderBlocks];

export type Stmt = T.Stmt;

export interface Stage {
  readonly il: string;
  readonly program: unknown;
  readonly outcome: Outcome;
}

/** Each step of the driver's checking loop from `start` through `passes`, as
 * a stage; throws when an output is not in its IL or cannot be run. */
export function stagesOf(start: Start, passes: readonly Pass[], options: RunOptions = {}): Stage[] {
  const stages: Stage[] = [];
  for (const step of checkPasses(start, passes, { run: options })) {
    throwIfBroken(step);
    stages.push({ il: ilName(step.pass.to), program: step.output, outcome: step.outcome! });
  }
  return stages;
}

/** The stage of the IL named `il`. */
export function stageOf(stages: readonly Stage[], il: string): Stage {
  const found = stages.find((s) => s.il === il);
  if (!found) throw new Error(`no stage in ${il}`);
  return found;
}

/** An Ltyped program (its own stage first) through every middle pass. */
export function throughMiddle(program: unknown, options: RunOptions = {}): Stage[] {
  return stagesOf({ program, il: Ltyped, check: true, context: { file: "test.qs", source: "" } }, middlePasses, options);
}

// ---------------------------------------------------------------- building Ltyped by hand

export const int = (value: number | bigint): T.Int => ({ kind: "Int", value: BigInt(value) });
export const bool = (value: boolean): T.Bool => ({ kind: "Bool", value });
export const unit: T.Unit = { kind: "Unit" };
export const v = (name: string): T.Var => ({ kind: "Var", name });
export const bin = (left: T.Expr, op: T.Binary["op"], right: T.Expr): T.Binary => ({ kind: "Binary", left, op, right });
export const neg = (arg: T.Expr): T.Unary => ({ kind: "Unary", op: "-", arg });
export const not = (arg: T.Expr): T.Unary => ({ kind: "Unary", op: "!", arg });
export const prim = (op: T.Prim["op"], ...args: T.Expr[]): T.Prim => ({ kind: "Prim", op, args });
export const block = (...stmts: T.Stmt[]): T.Block => ({ kind: "Block", stmts });
export const ifElse = (cond: T.Expr, then: T.Block, otherwise: T.Expr | null = null): T.If => ({ kind: "If", cond, then, else: otherwise });
export const expr = (e: T.Expr): T.ExprStmt => ({ kind: "ExprStmt", expr: e });
export const printInt = (e: T.Expr): T.ExprStmt => expr(prim("print_int", e));
export const printBool = (e: T.Expr): T.ExprStmt => expr(prim("print_bool", e));
export const let_ = (name: string, type: T.Let["type"], init: T.Expr): T.Let => ({ kind: "Let", decl: "let", name, type, init });
export const letMut = (name: string, type: T.Let["type"], init: T.Expr): T.Let => ({ kind: "Let", decl: "let mut", name, type, init });
export const set = (name: string, op: T.Assign["op"], value: T.Expr): T.Assign => ({ kind: "Assign", name, op, value });
export const loop = (cond: T.Expr, ...body: T.Stmt[]): T.While => ({ kind: "While", cond, body: block(...body) });
export const forRange = (name: string, from: T.Expr, to: T.Expr, ...body: T.Stmt[]): T.For => ({ kind: "For", name, from, to, body: block(...body) });
export const brk: T.Break = { kind: "Break" };
export const cont: T.Continue = { kind: "Continue" };
export const constant = (name: string, type: T.Const["type"], value: T.Expr): T.Const => ({ kind: "Const", name, type, value });
export const main = (...stmts: T.Stmt[]): T.Fn => ({ kind: "Fn", name: "main", params: [], ret: "Unit", body: block(...stmts) });
export const program = (...items: T.Item[]): T.Program => ({ kind: "Program", items });
