// patch-instructions: Lx86homes -> Lx86patched
//
// Purpose: rewrite every instruction the processor cannot encode into one or
// more that it can (the invariants of Lx86patched), using the scratch registers
// %r11 (for a memory operand, an immediate compared against, or the base of a
// load or store that is in a slot) and %r10 (for a 64-bit immediate, any
// immediate source of idivq and cmov<cc>, an index in a slot or the value a
// store takes from one; see x86_64-memory); a move of a slot to itself disappears.
//
// Before (Lx86homes):                  After (Lx86patched):
//   movq slot0, slot1                    movq slot0, %r11
//                                        movq %r11, slot1
//   imulq $3, slot1                      movq slot1, %r11
//                                        imulq $3, %r11
//                                        movq %r11, slot1
//   cmpq slot0, $7                       movq $7, %r11
//                                        cmpq slot0, %r11
//   addq $5000000000, slot0              movq $5000000000, %r10
//                                        addq %r10, slot0
//   cmove slot0, slot1                   movq slot1, %r11
//                                        cmove slot0, %r11
//                                        movq %r11, slot1
//   idivq $7                             movq $7, %r10
//                                        idivq %r10
//   movq 24(slot0,slot1,8), slot2        movq slot1, %r10
//                                        movq slot0, %r11
//                                        movq 24(%r11,%r10,8), %r11
//                                        movq %r11, slot2
//   movq slot2, 24(%rcx,slot1,8)         movq slot1, %r11
//                                        salq $3, %r11
//                                        addq %rcx, %r11
//                                        movq slot2, %r10
//                                        movq %r10, 24(%r11)
//   addq $1, (slot3)                     movq slot3, %r11
//                                        addq $1, (%r11)
//   movq slot2, slot2                    (nothing)

import type * as In from "../../ir-defs/generated/Lx86homes.js";
import type * as Out from "../../ir-defs/generated/Lx86patched.js";
import { fitsIn32, isMemory, Lx86patched, registerWriters } from "../../ir-defs/x86_64/lx86patched.js";
import { Lx86homes } from "../../ir-defs/x86_64/lx86homes.js";
import { memoryAccesses, operandsOf } from "../../ir-defs/x86_64/lx86var.js";
import { fromSource } from "../shared/both-targets.js";
import { pass } from "../../il/pass.js";
import { sameArg } from "./instructions.js";
import { patchAccess } from "./memory.js";

type Arg = In.Arg;
const r10: In.Reg = { kind: "Reg", name: "r10" };
const r11: In.Reg = { kind: "Reg", name: "r11" };
const movq = (src: Arg, dst: Arg): In.Movq => ({ kind: "Movq", src, dst });
const operands = (instr: In.Instr) => operandsOf(instr) as unknown as [string, Arg][];
const withOperand = (instr: In.Instr, field: string, arg: Arg): In.Instr => ({ ...instr, [field]: arg }) as In.Instr;

/** The operand an instruction reads besides its destination (`src`, or cmpq's `right`). */
const sourceField = (instr: In.Instr): string => (instr.kind === "Cmpq" ? "right" : "src");

function patch(original: In.Instr): In.Instr[] {
  if (original.kind === "Movq" && sameArg(original.src, original.dst)) return [];
  // A load, store or inc: its address in registers, its value in one or small (see patchAccess).
  if (memoryAccesses.has(original.kind)) return patchAccess(original as Parameters<typeof patchAccess>[0]);
  let instr = original;
  const before: In.Instr[] = [];
  // leaq's base and index are registers: %r10 and %r11 (one of them when they are the same).
  if (instr.kind === "LeaScaled" && instr.base.kind !== "Reg") {
    before.push(movq(instr.base, r10));
    instr = { ...instr, base: r10, index: sameArg(instr.index, instr.base) ? r10 : instr.index };
  }
  if (instr.kind === "LeaScaled" && instr.index.kind !== "Reg") {
    before.push(movq(instr.index, r11));
    instr = { ...instr, index: r11 };
  }
  // cmpq cannot compare into an immediate: load it into %r11 (of any width).
  if (instr.kind === "Cmpq" && instr.left.kind === "Imm") {
    before.push(movq(instr.left, r11));
    instr = { ...instr, left: r11 };
  }
  // idivq and cmov<cc> take no immediate at all: load it into %r10.
  if ((instr.kind === "Idivq" || instr.kind === "Cmov") && instr.src.kind === "Imm") {
    before.push(movq(instr.src, r10));
    instr = { ...instr, src: r10 };
  }
  // Only a movq to a register takes a 64-bit immediate: load wide ones into %r10.
  for (const [field, arg] of operands(instr)) {
    const movabs = instr.kind === "Movq" && field === "src" && instr.dst.kind === "Reg";
    if (arg.kind === "Imm" && !movabs && !fitsIn32(arg.value)) {
      before.push(movq(arg, r10));
      instr = withOperand(instr, field, r10);
    }
  }
  // imulq, movzbq, leaq and cmov<cc> write a register: work in %r11, then store it
  // (imulq and cmov<cc> also read their destination, so it is loaded first).
  if (registerWriters.has(instr.kind) && "dst" in instr && instr.dst.kind !== "Reg") {
    const load = instr.kind === "Imulq" || instr.kind === "Cmov" ? [movq(instr.dst, r11)] : [];
    return [...before, ...load, { ...instr, dst: r11 }, movq(r11, instr.dst)];
  }
  // At most one memory operand: the source goes through %r11.
  const memory = operands(instr).filter(([, a]) => isMemory(a));
  if (memory.length > 1) {
    const field = sourceField(instr);
    const source = (instr as unknown as Record<string, Arg>)[field]!;
    return [...before, movq(source, r11), withOperand(instr, field, r11)];
  }
  return [...before, instr];
}

export const patchInstructions = pass<In.Program, Out.Program>({
  name: "patch-instructions",
  from: Lx86homes,
  to: Lx86patched,
  purpose: "every instruction becomes one the processor can encode, with %r10 and %r11 as scratch",
  run(program) {
    const blocks = program.blocks.map((block) => ({ ...block, instrs: block.instrs.flatMap((instr) => fromSource(patch(instr), instr.loc)) }));
    return { kind: "Program", blocks, data: program.data } as Out.Program; // the table of homes has served
  },
});
