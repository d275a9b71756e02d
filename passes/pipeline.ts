// The pipeline: the one place that knows the order of the passes. The driver,
// the tests, `qnano passes`, `qnano trace` and the explorer all read it.
// It is one list up to Lalloc, then splits per target at instruction selection.

import type { Target } from "../ir-defs/targets.js";
import { ilName, type Pass } from "../il/pass.js";
import { aarch64Passes, dropDivisionChecksA64, dropLeafFramesA64, hoistImmediatesA64, shrinkWrapFramesA64, useConditionalMovesA64 } from "./aarch64/index.js";
import { checkTypes } from "./check-types.js";
import { desugarCompoundAssign } from "./desugar-compound-assign.js";
import { desugarFieldUpdate } from "./desugar-field-update.js";
import { desugarFor } from "./desugar-for.js";
import { lowerTasks } from "./lower-tasks.js";
import { lowerChannels } from "./lower-channels.js";
import { dropUnusedValues } from "./drop-unused-values.js";
import { explicateControl } from "./explicate-control.js";
import { explicateReturns } from "./explicate-returns.js";
import { foldBranches } from "./fold-branches.js";
import { foldConstants } from "./fold-constants.js";
import { forwardFields } from "./forward-fields.js";
import { inlineCalls } from "./inline-calls.js";
import { maskRemainders } from "./mask-remainders.js";
import { reduceStrength } from "./reduce-strength.js";
import { stepPointers } from "./step-pointers.js";
import { dropDeadCode } from "./drop-dead-code.js";
import { reuseLoads } from "./reuse-loads.js";
import { dropChecksInRange } from "./drop-checks-in-range.js";
import { dropChecksBelowLength } from "./drop-checks-below-length.js";
import { hoistInvariants } from "./hoist-invariants.js";
import { copyBranches } from "./copy-branches.js";
import { exposeAllocation } from "./expose-allocation.js";
import { inlineConstants } from "./inline-constants.js";
import { insertIndexChecks } from "./insert-index-checks.js";
import { inferBorrows } from "./infer-borrows.js";
import { insertRefcounts } from "./insert-refcounts.js";
import { guardImmediateCounts } from "./guard-immediate-counts.js";
import { expandDecrements } from "./expand-decrements.js";
import { skipKnownTests } from "./skip-known-tests.js";
import { markTailCalls } from "./mark-tail-calls.js";
import { lowerDataLayout } from "./lower-data-layout.js";
import { layOutClosures } from "./lay-out-closures.js";
import { orderBlocks } from "./order-blocks.js";
import { nameStringLiterals } from "./name-string-literals.js";
import { parse } from "./parse.js";
import { resolveModules } from "./resolve-modules.js";
import { removeComplexOperands } from "./remove-complex-operands.js";
import { revealFunctions } from "./reveal-functions.js";
import { shrink } from "./shrink.js";
import { uncoverLiveReferences } from "./uncover-live-references.js";
import { uncoverCaptures } from "./uncover-captures.js";
import { liftFunctions } from "./lift-functions.js";
import { convertClosures } from "./convert-closures.js";
import { uniquify } from "./uniquify.js";
import { monomorphize } from "./monomorphize.js";
import { expandTry } from "./expand-try.js";
import { resolveMethods } from "./resolve-methods.js";
import { compileMatch } from "./compile-match.js";
import { expandUsing } from "./expand-using.js";
import { dropDivisionChecksX86, dropLeafFramesX86, hoistImmediatesX86, shrinkWrapFramesX86, useConditionalMovesX86, x86_64Passes } from "./x86_64/index.js";
import { dropZeroCompares } from "./x86_64/drop-zero-compares.js";
import { fuseMultiplyAdd } from "./aarch64/fuse-multiply-add.js";

/** Source text to Lalloc: the same for every target. */
export const frontEnd: readonly Pass[] = [
  parse,
  resolveModules,
  checkTypes,
  uniquify,
  monomorphize,
  inlineConstants,
  resolveMethods,
  expandTry,
  compileMatch,
  expandUsing,
  desugarCompoundAssign,
  desugarFieldUpdate,
  desugarFor,
  lowerTasks,
  uncoverCaptures,
  liftFunctions,
  convertClosures,
  shrink,
  lowerChannels,
  lowerDataLayout,
  layOutClosures,
  insertIndexChecks,
  removeComplexOperands,
  explicateReturns,
  dropUnusedValues,
  explicateControl,
  inlineCalls,
  forwardFields,
  foldConstants,
  foldBranches,
  maskRemainders,
  dropChecksInRange,
  dropChecksBelowLength,
  hoistInvariants,
  reduceStrength,
  copyBranches,
  markTailCalls,
  orderBlocks,
  revealFunctions,
  nameStringLiterals,
  uncoverLiveReferences,
  inferBorrows,
  insertRefcounts,
  guardImmediateCounts,
  skipKnownTests,
  expandDecrements,
  exposeAllocation,
  stepPointers,
  reuseLoads,
  dropDeadCode,
];

export const backEnds: Readonly<Record<Target, readonly Pass[]>> = {
  x86_64: x86_64Passes,
  aarch64: aarch64Passes,
};

/**
 * What the ILs alone do not say about the order (as Go's compiler keeps its
 * passOrder): each pass reads the IL the one before it writes, so most passes
 * cannot move; these passes could be left out or moved and the ILs would still
 * fit, but `first` must run, and before `then`, for the reason given.
 */
export const passOrder: readonly { readonly first: string; readonly then: string; readonly why: string }[] = [
  { first: "explicate-returns", then: "drop-unused-values", why: "a Unit function's `return e` becomes the statement e, whose value may go unused" },
  { first: "drop-unused-values", then: "explicate-control", why: "explicate-control keeps every expression statement: a reference one makes must already be in a variable, which insert-refcounts releases" },
  { first: "mark-tail-calls", then: "order-blocks", why: "a tail call leaves the blocks that returned () behind, unreached, for order-blocks to drop" },
  { first: "name-string-literals", then: "insert-refcounts", why: "a consumed reference is counted only in a variable" },
];

/** Why a list of passes cannot run in that order (a pass reads an IL the one before does not write, or
 * a passOrder constraint fails), or null when it can. */
export function orderProblem(passes: readonly Pass[]): string | null {
  for (let i = 1; i < passes.length; i++) {
    const [before, p] = [passes[i - 1]!, passes[i]!];
    if (p.from !== before.to) return `${p.name} reads ${ilName(p.from)}, but ${before.name} before it writes ${ilName(before.to)}`;
  }
  const at = (name: string) => passes.findIndex((p) => p.name === name);
  for (const c of passOrder) {
    const missing = [c.first, c.then].find((name) => at(name) < 0);
    if (missing || at(c.first) > at(c.then)) return `${missing ? `${missing} is missing: ` : ""}${c.first} must run before ${c.then}: ${c.why}`;
  }
  return null;
}

/** How much to optimise (`--opt`): 0, no optimisation, the pipeline without the passes below; 1, all of them (the default). */
export type OptLevel = 0 | 1;
export const optLevels: readonly OptLevel[] = [0, 1];

/** The optimisations (spec/optimisations.md). Each reads and writes the same IL, so
 * the pipeline without them is in order as well: that is `--opt 0`. */
export const optimisations: ReadonlySet<Pass> = new Set<Pass>([inlineCalls, forwardFields, foldConstants, foldBranches, maskRemainders, dropChecksInRange, dropChecksBelowLength, hoistInvariants, reduceStrength, copyBranches, stepPointers, reuseLoads, dropDeadCode, hoistImmediatesX86, hoistImmediatesA64, dropLeafFramesX86, dropLeafFramesA64, shrinkWrapFramesX86, shrinkWrapFramesA64, dropZeroCompares, fuseMultiplyAdd, dropDivisionChecksX86, dropDivisionChecksA64, useConditionalMovesX86, useConditionalMovesA64]);

/** The passes of `passes` that run at this level. */
export const atLevel = (passes: readonly Pass[], opt: OptLevel): readonly Pass[] => (opt === 0 ? passes.filter((p) => !optimisations.has(p)) : passes);

const checked = new Map<string, readonly Pass[]>();

/** A target's whole pipeline at an optimisation level, checked (orderProblem) the first time it is asked for. */
export function pipeline(target: Target, opt: OptLevel = 1): readonly Pass[] {
  let list = checked.get(`${target} ${opt}`);
  if (!list) {
    list = atLevel([...frontEnd, ...backEnds[target]], opt);
    const problem = orderProblem(list);
    if (problem) throw new Error(`the ${target} pipeline at --opt ${opt} is out of order: ${problem}`);
    checked.set(`${target} ${opt}`, list);
  }
  return list;
}

/** A target's pipeline at --opt 1 without the optimisations named (by pass name): what each one
 * does, measured by leaving it out (`npm run bench -- opt`). Only optimisations may be left out. */
export function pipelineWithout(target: Target, names: readonly string[]): readonly Pass[] {
  const known = new Set([...optimisations].map((p) => p.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new Error(`not an optimisation: ${unknown.join(", ")} (the optimisations: ${[...known].join(", ")})`);
  const list = pipeline(target, 1).filter((p) => !(optimisations.has(p) && names.includes(p.name)));
  const problem = orderProblem(list);
  if (problem) throw new Error(`the ${target} pipeline without ${names.join(", ")} is out of order: ${problem}`);
  return list;
}

/** Every pass once, front end first. */
export function passesOf(): readonly Pass[] {
  return [...frontEnd, ...backEnds.x86_64, ...backEnds.aarch64];
}
