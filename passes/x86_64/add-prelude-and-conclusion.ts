// add-prelude-and-conclusion: Lx86patched -> Lx86
//
// Purpose: give main its stack frame: every slot k becomes the address
// -8(k+1)(%rbp), a prelude block `qn_main` (the symbol the runtime calls) saves
// %rbp and makes room for the slots, and the conclusion block, which every
// `return` jumps to, takes the frame down and returns.
//
// Before (Lx86patched):              After (Lx86):
//   main.start:                        qn_main:
//     movq $42, slot0                    pushq %rbp
//     movq slot0, %rdi                   movq %rsp, %rbp
//     callq qn_print_int                 subq $16, %rsp
//     movq $0, %rax                      jmp main.start
//     jmp main.conclusion              main.start:
//                                        movq $42, -8(%rbp)
//                                        movq -8(%rbp), %rdi
//                                        callq qn_print_int
//                                        movq $0, %rax
//                                        jmp main.conclusion
//                                      main.conclusion:
//                                        movq %rbp, %rsp
//                                        popq %rbp
//                                        retq
//
// The call into qn_main pushed a return address (8 bytes), pushq %rbp another
// 8, so %rsp is 16-byte aligned after the prelude as long as the frame size is
// a multiple of 16: every call made from main then meets the ABI's alignment.

import type * as In from "../../ir-defs/generated/Lx86patched.js";
import type * as Out from "../../ir-defs/generated/Lx86.js";
import { Lx86 } from "../../ir-defs/x86_64/lx86.js";
import { Lx86patched } from "../../ir-defs/x86_64/lx86patched.js";
import { mainConclusion } from "../../ir-defs/x86_64/lx86var.js";
import { forEachNode, rewriter } from "../../src/il/rewrite.js";
import type { AnyNode } from "../../src/il/node.js";
import { pass } from "../../src/pass.js";

/** The label of main's prelude: the symbol that runtime-asm/x86_64/runtime.s calls. */
export const mainSymbol = "qn_main";

const rsp: Out.Reg = { kind: "Reg", name: "rsp" };
const rbp: Out.Reg = { kind: "Reg", name: "rbp" };

/** Bytes of stack the slots need, rounded up to a multiple of 16. */
export function frameSize(program: In.Program): number {
  let slots = 0;
  forEachNode(Lx86patched, program, (node) => {
    if (node.kind === "Slot") slots = Math.max(slots, (node.index as number) + 1);
  });
  return Math.ceil((slots * 8) / 16) * 16;
}

export const addPreludeAndConclusion = pass<In.Program, Out.Program>({
  name: "add-prelude-and-conclusion",
  from: Lx86patched,
  to: Lx86,
  purpose: "slots become %rbp-relative addresses; main gets its frame set up and taken down",
  run(program) {
    const size = frameSize(program);
    const toAddresses = rewriter<AnyNode, undefined>(Lx86patched, {
      Slot: (slot): Out.Mem => ({ kind: "Mem", offset: -8n * BigInt((slot.index as number) + 1), base: "rbp" }),
      // every instruction, block and the program are rebuilt around the new operands
    });
    const body = toAddresses(program as unknown as AnyNode, undefined) as Out.Program;
    const entry = body.blocks[0];
    if (!entry) throw new Error("add-prelude-and-conclusion: main has no blocks");
    const prelude: Out.Block = {
      kind: "Block",
      label: mainSymbol,
      instrs: [
        { kind: "Pushq", src: rbp },
        { kind: "Movq", src: rsp, dst: rbp },
        ...(size > 0 ? [{ kind: "Subq", src: { kind: "Imm", value: BigInt(size) }, dst: rsp } as const] : []),
        { kind: "Jmp", target: entry.label },
      ],
    };
    const conclusion: Out.Block = {
      kind: "Block",
      label: mainConclusion,
      instrs: [{ kind: "Movq", src: rbp, dst: rsp }, { kind: "Popq", dst: rbp }, { kind: "Retq" }],
    };
    return { ...body, blocks: [prelude, ...body.blocks, conclusion] };
  },
});
