// What the two machine models share: where string data lives in memory, and
// the fetch-execute loop over labelled blocks of instructions.

import { divisionByZero, stackOverflow } from "../../ir-defs/runtime-routines.js";
import { isConclusion } from "../../ir-defs/functions.js";
import type { AnyNode } from "../il/node.js";
import type { RuntimeModel } from "./runtime-model.js";

export type Node = AnyNode & Record<string, any>;

/** What executing one instruction does to control: nothing (go on), a jump, or a return from main. */
export type Effect = void | { readonly jump: string } | { readonly returned: true };

export const dataStart = 0x60_0000n;

/** The model's stack: where its pointer starts (16-byte aligned, as _start
 * calls qn_main), and the lowest value a frame may take it to, as the
 * runtime's _start computes qn_stack_limit for an 8 MiB stack. */
export const stackTop = 0x7fff_0000n;
export const stackLimit = stackTop - 8_388_608n + 262_144n;

/** Lays the program's string data out in memory from dataStart, by label. */
export function layOutStrings(data: readonly Node[]): Map<string, { address: bigint; bytes: Buffer }> {
  const strings = new Map<string, { address: bigint; bytes: Buffer }>();
  let next = dataStart;
  for (const d of data) {
    const bytes = Buffer.from(d.value as string, "utf8");
    strings.set(d.label as string, { address: next, bytes });
    next += BigInt(bytes.length) + 8n;
  }
  return strings;
}

/** Each block's index by its label. */
export const labelIndex = (blocks: readonly Node[]): Map<string, number> => new Map(blocks.map((block, index) => [block.label as string, index]));

/**
 * Runs blocks of instructions from the one labelled `start`, falling through
 * from one block to the next, until the function returns: by a `ret`
 * (`{ returned: true }`), or, in the ILs before the conclusion exists, by a
 * jump to its conclusion's label. Returns which of the two it was. A call runs
 * the callee by calling this again (the instruction's step does). A jump to the
 * runtime's qn_division_by_zero is its panic, which never returns.
 */
export function runCode(
  blocks: readonly Node[],
  labels: ReadonlyMap<string, number>,
  model: RuntimeModel,
  start: string,
  execute: (instr: Node) => Effect,
): "ret" | "conclusion" {
  let b = labels.get(start) ?? -1;
  if (b < 0) throw new Error(`no block is labelled ${start}`);
  let instrs = blocks[b]!.instrs as Node[];
  let i = 0;
  for (;;) {
    if (i >= instrs.length) { // fall through to the next block
      const block = blocks[++b];
      if (!block) throw new Error("control ran off the end of the code");
      instrs = block.instrs as Node[];
      i = 0;
      continue;
    }
    const instr = instrs[i++]!;
    model.tick();
    const effect = execute(instr);
    if (!effect) continue;
    if ("returned" in effect) return "ret";
    const target = labels.get(effect.jump);
    if (target !== undefined) {
      b = target;
      instrs = blocks[b]!.instrs as Node[];
      i = 0;
    } else if (isConclusion(effect.jump)) return "conclusion"; // the function's, or (after tail calls) its callee's
    else if (effect.jump === divisionByZero) model.divisionByZero();
    else if (effect.jump === stackOverflow) model.stackOverflow();
    else throw new Error(`jump to ${effect.jump}, which labels no block`);
  }
}

const liveSets = new WeakMap<Node, ReadonlySet<string>>();

/**
 * The step of the instruction form `Live` (L<t>live): run the wrapped
 * instruction, then forget every variable that the live-after set leaves out.
 * A live set that misses a variable whose value is still needed makes the next
 * read of it fail here, at uncover-live, instead of two passes later.
 */
export function liveStep<M extends { readonly variables: Map<string, bigint> }>(
  step: (m: M, instr: Node) => Effect,
): (m: M, live: Node) => Effect {
  return (m, live) => {
    const effect = step(m, live.instr as Node);
    let keep = liveSets.get(live);
    if (!keep) liveSets.set(live, (keep = new Set((live.after as Node[]).filter((p) => p.kind === "Var").map((p) => p.name as string))));
    for (const name of m.variables.keys()) if (!keep.has(name)) m.variables.delete(name);
    return effect;
  };
}
