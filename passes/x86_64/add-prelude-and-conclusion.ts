// add-prelude-and-conclusion: Lx86patched -> Lx86
//
// Purpose: give each function its stack frame: every slot k becomes the
// address -8(k+1)(%rbp), every stack argument k the address 16+8k(%rbp) (where
// the caller pushed it), a prelude block under the function's symbol (`qn_main`,
// which the runtime calls, or `fn.F`) saves %rbp, makes room for the slots and
// saves the callee-saved registers that function uses (in cells of the frame
// past the slots), and the conclusion block, which every `return` jumps to,
// restores them, takes the frame down and returns. A function's blocks are
// those whose labels start with its name (ir-defs/functions.ts). Once the frame
// is made, the prelude checks that %rsp has not gone below the runtime's
// qn_stack_limit, and panics with `stack overflow` if it has. A tail call
// becomes the conclusion without its `retq`, then a jump to the callee (whose
// own prelude makes its frame where this one was).
//
// Before (Lx86patched):              After (Lx86):
//   main.start:                        qn_main:
//     movq $42, %rbx                     pushq %rbp
//     movq %rbx, slot0                   movq %rsp, %rbp
//     movq slot0, %rdi                   subq $16, %rsp
//     callq qn_print_int # %rdi          cmpq qn_stack_limit(%rip), %rsp
//     movq $0, %rax                      jb qn_stack_overflow
//     jmp main.conclusion                movq %rbx, -16(%rbp)
//                                        jmp main.start
//                                      main.start:
//                                        movq $42, %rbx
//                                        movq %rbx, -8(%rbp)
//                                        movq -8(%rbp), %rdi
//                                        callq qn_print_int # %rdi
//                                        movq $0, %rax
//                                        jmp main.conclusion
//                                      main.conclusion:
//                                        movq -16(%rbp), %rbx
//                                        movq %rbp, %rsp
//                                        popq %rbp
//                                        retq
//
// The call into a function pushed a return address (8 bytes), pushq %rbp
// another 8, so %rsp is 16-byte aligned after the prelude as long as the frame
// size is a multiple of 16: every call made from it then meets the ABI's
// alignment (select-instructions pads the pushed arguments to 16 bytes).

import type * as In from "../../ir-defs/generated/Lx86patched.js";
import type * as Out from "../../ir-defs/generated/Lx86.js";
import { Lx86 } from "../../ir-defs/x86_64/lx86.js";
import { Lx86patched } from "../../ir-defs/x86_64/lx86patched.js";
import { blocksByFunction, conclusionOf, entryOf, functionSymbol } from "../../ir-defs/functions.js";
import { calleeSaved } from "../../ir-defs/x86_64/machine.js";
import { stackOverflow } from "../../ir-defs/runtime-routines.js";
import { rewriter } from "../../il/rewrite.js";
import { frameOf } from "../shared/both-targets.js";
import type { AnyNode } from "../../il/node.js";
import { pass } from "../../il/pass.js";

/** The label of main's prelude: the symbol that runtime-asm/x86_64/runtime.s calls. */
export const mainSymbol = functionSymbol("main");

const rsp: Out.Reg = { kind: "Reg", name: "rsp" };
const rbp: Out.Reg = { kind: "Reg", name: "rbp" };
const r11: Out.Reg = { kind: "Reg", name: "r11" };

export const addPreludeAndConclusion = pass<In.Program, Out.Program>({
  name: "add-prelude-and-conclusion",
  from: Lx86patched,
  to: Lx86,
  purpose: "slots and stack arguments become %rbp-relative addresses; each function gets its frame set up (saving the callee-saved registers it uses) and taken down",
  run(program) {
    const blocks = blocksByFunction(program.blocks).flatMap(({ fn, blocks }) => framed(fn, blocks));
    return { kind: "Program", blocks, data: program.data };
  },
});

/** One function's blocks between its prelude and its conclusion, its slots and stack arguments made addresses. */
function framed(fn: string, blocks: In.Block[]): Out.Block[] {
  const { slots, saved } = frameOf<Out.Reg>(Lx86patched, { kind: "Program", blocks, data: [] }, calleeSaved);
  const size = Math.ceil(((slots + saved.length) * 8) / 16) * 16;
  const address = (index: number): Out.Mem => ({ kind: "Mem", offset: -8n * BigInt(index + 1), base: "rbp" });
  const toAddresses = rewriter<AnyNode, undefined>(Lx86patched, {
    Slot: (slot) => address(slot.index as number),
    // above the saved %rbp (0) and the return address (8): the caller's pushes, the first lowest
    StackArg: (arg) => ({ kind: "Mem", offset: 16n + 8n * BigInt(arg.index as number), base: "rbp" }),
    // every instruction and block is rebuilt around the new operands
  });
  // Each callee-saved register in use is kept in a cell of the frame past the slots.
  const save = saved.map((r, j): Out.Instr => ({ kind: "Movq", src: r, dst: address(slots + j) }));
  const restore = saved.map((r, j): Out.Instr => ({ kind: "Movq", src: address(slots + j), dst: r }));
  const teardown: Out.Instr[] = [...restore, { kind: "Movq", src: rbp, dst: rsp }, { kind: "Popq", dst: rbp }];
  // A tail call takes the frame down as the conclusion does, then jumps to the callee,
  // which returns to this function's caller (an indirect one keeps its target in %r11).
  const tailCall = (instr: AnyNode): Out.Instr[] => {
    if (instr.kind === "TailCall") return [...teardown, { kind: "Jmp", target: instr.target as string }];
    if (instr.kind === "TailCallIndirect") return [{ kind: "Movq", src: instr.callee as Out.Arg, dst: r11 }, ...teardown, { kind: "JmpIndirect", target: r11 }];
    return [instr as Out.Instr];
  };
  const body = blocks.map((b) => {
    const block = toAddresses(b as unknown as AnyNode, undefined) as Out.Block;
    return { ...block, instrs: block.instrs.flatMap((i) => tailCall(i as unknown as AnyNode)) };
  });
  const prelude: Out.Block = {
    kind: "Block",
    label: functionSymbol(fn),
    instrs: [
      { kind: "Pushq", src: rbp },
      { kind: "Movq", src: rsp, dst: rbp },
      ...(size > 0 ? [{ kind: "Subq", src: { kind: "Imm", value: BigInt(size) }, dst: rsp } as const] : []),
      { kind: "CheckStack" },
      { kind: "JmpIf", cc: "b", target: stackOverflow }, // a recursion too deep: panic, never a SIGSEGV
      ...save,
      { kind: "Jmp", target: entryOf(fn) },
    ],
  };
  const conclusion: Out.Block = {
    kind: "Block",
    label: conclusionOf(fn),
    instrs: [...teardown, { kind: "Retq" }],
  };
  return [prelude, ...body, conclusion];
}
