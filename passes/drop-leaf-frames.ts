// drop-leaf-frames: L<t> -> L<t>, for both targets (x86_64, aarch64); an optimisation (--opt 1)
//
// Purpose: a leaf function that needs no frame gets none. add-prelude-and-
// conclusion gives every function a frame: it saves the frame pointer (and on
// AArch64 the return address), checks the stack limit, and takes the frame
// down again. A function that calls nothing, has no slot, saves no register
// and never names the frame or stack pointer needs none of that: its prelude
// is left with the jump to its first block, its conclusion with the return.
//
// What it proves first, per function: its prelude is exactly the frame set-up
// and stack check with no room made and nothing saved (so it has no slots and
// uses no callee-saved register), its conclusion exactly the take-down and
// return; no instruction of its body calls, jumps indirectly, branches outside
// the function (a tail call, or a panic routine, which expects the stack
// aligned as a frame leaves it), or names a register of the frame (frame
// pointer, stack pointer, link register). Then the function writes nothing on
// the stack: the stack-limit check may go, since the only bytes its call used,
// the return address (x86-64; AArch64 keeps it in x30), fit the reserve kept
// below the limit for what a call writes before its callee's check (spec/calls.md).
//
// Before (Lx86):                     After (Lx86):
//   fn.step:                           fn.step:
//     pushq %rbp
//     movq %rsp, %rbp
//     cmpq qn_stack_limit(%rip), %rsp
//     jb qn_stack_overflow
//     jmp step.start                     jmp step.start
//   step.start:                        step.start:
//     movq %rsi, %rax                    movq %rsi, %rax
//     andq $1023, %rax                   andq $1023, %rax
//     jmp step.conclusion                jmp step.conclusion
//   step.conclusion:                   step.conclusion:
//     movq %rbp, %rsp
//     popq %rbp
//     retq                               retq

import type { IL } from "../il/define.js";
import { conclusionOf, functionOfSymbol } from "../ir-defs/functions.js";
import { pass, type Pass } from "../il/pass.js";
import { eachFunction, needsFrame, type Block, type FrameShape } from "./shared/frames.js";

export type { FrameShape } from "./shared/frames.js";

const kindsAre = (instrs: readonly { kind: string }[], kinds: readonly string[]) => instrs.length === kinds.length && instrs.every((i, k) => i.kind === kinds[k]);

export function dropLeafFrames(il: IL, shape: FrameShape): Pass {
  /** Whether the function whose prelude is blocks[0] (and conclusion the last) needs no frame. */
  const frameless = (blocks: readonly Block[]): boolean => {
    const [prelude, conclusion] = [blocks[0]!, blocks.at(-1)!];
    const fn = functionOfSymbol(prelude.label)!;
    if (conclusion.label !== conclusionOf(fn) || !kindsAre(prelude.instrs.slice(0, -1), shape.prelude) || !kindsAre(conclusion.instrs.slice(0, -1), shape.conclusion)) return false;
    const labels = new Set(blocks.map((b) => b.label));
    return blocks.slice(1, -1).every((block) => block.instrs.every((instr) => !needsFrame(il, shape, instr, labels)));
  };
  const drop = (blocks: Block[]): Block[] => {
    if (!frameless(blocks)) return blocks;
    const [prelude, conclusion] = [blocks[0]!, blocks.at(-1)!];
    return [{ ...prelude, instrs: prelude.instrs.slice(-1) }, ...blocks.slice(1, -1), { ...conclusion, instrs: conclusion.instrs.slice(-1) }];
  };
  return pass({
    name: "drop-leaf-frames",
    from: il,
    to: il,
    purpose: "a leaf function that calls nothing, has no slot and saves no register loses its frame and its stack check",
    run: (program: { blocks: Block[] }) => ({ ...program, blocks: eachFunction(program.blocks, drop) }),
  });
}
