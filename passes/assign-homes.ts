// assign-homes: L<t>coloured -> L<t>homes, for both targets (x86_64, aarch64)
//
// Purpose: put each variable's home, from the table that allocate-registers
// made, in its place: every variable of every instruction becomes its
// register or its stack slot. The table stays, for the reader.
//
// Before (Lx86coloured):                 After (Lx86homes):
//   movq %rax, a.1                         movq %rax, %rdi
//   movq a.1, b.2                          movq %rdi, %rdi
//   addq $2, b.2                           addq $2, %rdi
// homes:                                 homes:
//   a.1 -> %rdi   (...)                    a.1 -> %rdi   (...)
//   b.2 -> %rdi   (...)                    b.2 -> %rdi   (...)

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import { rewriter } from "../il/rewrite.js";
import { pass, type Pass } from "../il/pass.js";

type Home = { var: string; home: AnyNode };

export function assignHomes(from: IL, to: IL): Pass {
  return pass({
    name: "assign-homes",
    from,
    to,
    purpose: "every variable replaced by its home (a register or a stack slot) from the table of homes",
    run(program: { blocks: AnyNode[]; data: unknown[]; homes: Home[] }) {
      const homes = new Map(program.homes.map((h) => [h.var, h.home]));
      const place = rewriter<AnyNode, undefined>(from, { Var: (node) => homes.get(node.name as string)! });
      return { ...program, blocks: program.blocks.map((b) => place(b, undefined)) };
    },
  });
}
