// Where the two emit-asm passes (Lx86 -> asm, La64 -> asm) align the code:
// functions and loop headers. A helper of theirs, not a pass.

import { functionOfSymbol } from "../../ir-defs/functions.js";

/** The alignment directive to print before each block's label, or null. A function's code starts
 * at a 16-byte boundary, and so does a loop's header (a block jumped to from itself or from a
 * block after it) when that takes at most 10 bytes of padding: the padding runs once when the
 * loop is entered from above, never per turn, since the jumps back land after it. Where a hot
 * function or loop falls within the processor's 16- to 64-byte fetch blocks decides how many
 * fetches each call or turn costs: bench/closure_calls took 30% longer, with the same
 * instructions, once 40 bytes of runtime came before it. */
export function alignments(blocks: readonly { label: string; instrs: readonly { readonly kind: string; readonly target?: unknown }[] }[]): (string | null)[] {
  const index = new Map(blocks.map((b, i) => [b.label, i]));
  const loopHeads = new Set<number>();
  blocks.forEach((b, i) => {
    for (const instr of b.instrs) {
      const to = typeof instr.target === "string" ? index.get(instr.target) : undefined;
      if (to !== undefined && to <= i) loopHeads.add(to);
    }
  });
  return blocks.map((b, i) => (functionOfSymbol(b.label) !== null ? ".p2align 4" : loopHeads.has(i) ? ".p2align 4,,10" : null));
}
