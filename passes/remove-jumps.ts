// remove-jumps: L<t> -> L<t>, for both targets (x86_64, aarch64)
//
// Purpose: drop the jumps that only go to the next block, where control would
// fall anyway. A block that ends in a jump to the block after it loses that
// jump; one that ends in a conditional jump to the next block and a jump
// elsewhere becomes the opposite conditional jump to the elsewhere. A loop then
// costs one jump less per iteration.
//
// Before (Lx86):                     After (Lx86):
//   qn_main:                           qn_main:
//     pushq %rbp                         pushq %rbp
//     movq %rsp, %rbp                    movq %rsp, %rbp
//     jmp main.start
//   main.start:                        main.start:
//     movq $0, %rcx                      movq $0, %rcx
//   main.block1:                       main.block1:
//     cmpq $10, %rcx                     cmpq $10, %rcx
//     jl main.block2                     jge main.block3
//     jmp main.block3
//   main.block2:                       main.block2:
//     addq $1, %rcx                      addq $1, %rcx
//     jmp main.block1                    jmp main.block1
//   main.block3:                       main.block3:
//     ...                                ...
//
// Every label stays, so any other jump still finds its block. The IL does not
// change: only which of its programs this is.

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import type { RegisterMachine } from "../ir-defs/register-allocation.js";
import { pass, type Pass } from "../il/pass.js";

type Block = { label: string; instrs: AnyNode[] };

export function removeJumps(il: IL, machine: RegisterMachine): Pass {
  return pass({
    name: "remove-jumps",
    from: il,
    to: il,
    purpose: "jumps to the next block are dropped, a branch over one is turned round",
    run(program: { blocks: Block[] }) {
      const blocks = program.blocks.map((block, b) => {
        const next = program.blocks[b + 1]?.label;
        const [before, last] = [block.instrs.at(-2), block.instrs.at(-1)];
        if (next === undefined || last?.kind !== machine.kinds.jump) return block;
        if (last.target === next) return { ...block, instrs: block.instrs.slice(0, -1) };
        const inverted = before && before.target === next ? machine.invert(before, last.target as string) : null;
        if (!inverted) return block;
        return { ...block, instrs: [...block.instrs.slice(0, -2), before!.loc ? { ...inverted, loc: before!.loc } : inverted] };
      });
      return { ...program, blocks };
    },
  });
}
