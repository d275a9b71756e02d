// patch-instructions: La64homes -> La64patched
//
// Purpose: make every instruction one that AArch64 can encode. It is a
// load/store machine: a slot operand is loaded into a scratch register first
// (x9 for the first source, x10 for the second, x11 for msub's third) and a
// slot destination is computed in x9 and stored afterwards; an immediate the
// instruction cannot hold is put in a scratch register the same way (wide ones
// with movz/movk). A load or store of the heap is no different: its base and
// its value are sources, a loaded value its destination.
//
// Before (La64homes):               After (La64patched):
//   add slot2, slot0, #1              ldr x9, slot0
//                                     add x9, x9, #1
//                                     str x9, slot2
//   mul slot1, slot0, #5              ldr x9, slot0
//                                     mov x10, #5
//                                     mul x9, x9, x10
//                                     str x9, slot1
//   msub slot3, slot2, #7, slot0      ldr x9, slot2
//                                     mov x10, #7
//                                     ldr x11, slot0
//                                     msub x9, x9, x10, x11
//                                     str x9, slot3
//   mov x0, slot1                     ldr x0, slot1
//   mov slot3, #100000                movz x9, #34464, lsl #0
//                                     movk x9, #1, lsl #16
//                                     str x9, slot3
//   ldr slot2, [slot0, #16]           ldr x9, slot0
//                                     ldr x9, [x9, #16]
//                                     str x9, slot2
//   str slot1, [x12, #24]             ldr x9, slot1
//                                     str x9, [x12, #24]
//
// ldrb's destination and strb's source, registers by then, are named as their
// 32-bit views (`ldrb w9, [x12, #24]`), the only form the assembler takes; a
// strb of 0 stores the zero register, `strb wzr, [x13, #24]`.
//
// Which operand may be what is one table, ir-defs/aarch64/operand-rules.ts,
// which La64patched's invariants check too.

import type * as In from "../../ir-defs/generated/La64homes.js";
import type * as Out from "../../ir-defs/generated/La64patched.js";
import { La64patched } from "../../ir-defs/aarch64/la64patched.js";
import { La64homes } from "../../ir-defs/aarch64/la64homes.js";
import { operandRules } from "../../ir-defs/aarch64/operand-rules.js";
import { byteOperands, wordView } from "../../ir-defs/aarch64/la64var.js";
import { isNode } from "../../il/node.js";
import { fromSource } from "../shared/both-targets.js";
import { pass } from "../../il/pass.js";
import { loadConstant, reg } from "./instructions.js";

const sourceScratch = [reg("x9"), reg("x10"), reg("x11")] as const;
const resultScratch = reg("x9");

/** Instructions that bring a slot or an immediate into register r. */
function bringInto(r: Out.Reg, arg: In.Arg): Out.Instr[] {
  switch (arg.kind) {
    case "Slot": case "StackArg": return [{ kind: "Ldr", dst: r, src: arg }];
    case "Imm": return loadConstant(r, arg.value);
    case "Reg": return [{ kind: "Mov", dst: r, src: arg }];
    default: throw new Error(`cannot bring ${(arg as { kind: string }).kind} into a register`);
  }
}

/** mov is the one instruction that becomes a plain ldr or str. */
function patchMove(instr: In.Mov): Out.Instr[] {
  const { dst, src } = instr;
  if (dst.kind === "Reg" && src.kind === "Reg") return dst.name === src.name ? [] : [instr]; // a self-move does nothing
  if (dst.kind === "Reg") return bringInto(dst, src);
  if (dst.kind !== "Slot" && dst.kind !== "OutArg") throw new Error(`mov cannot write ${dst.kind}`);
  if (src.kind === "Reg") return [{ kind: "Str", src, dst }];
  return [...bringInto(resultScratch, src), { kind: "Str", src: resultScratch, dst }];
}

/** Any other instruction, driven by its row of the operand table. */
function patchInstruction(instr: In.Instr): Out.Instr[] {
  if (instr.kind === "Mov") return patchMove(instr);
  if (instr.kind === "StoreByte" && instr.src.kind === "Imm" && instr.src.value === 0n) instr = { ...instr, src: reg("wzr" as Out.Reg["name"]) }; // strb wzr: a 0 needs no register
  const rules = operandRules[instr.kind] ?? {};
  const before: Out.Instr[] = [];
  const after: Out.Instr[] = [];
  const patched: Record<string, unknown> = { ...instr };
  let sources = 0;
  for (const [field, allowed] of Object.entries(rules)) {
    const arg = (instr as unknown as Record<string, unknown>)[field];
    if (!isNode(arg)) continue;
    const operand = arg as unknown as In.Arg;
    if (field === "dst") {
      // Every instruction selection emits writes its `dst` (none reads it).
      if (operand.kind !== "Slot") continue;
      patched[field] = resultScratch;
      after.push({ kind: "Str", src: resultScratch, dst: operand });
    } else if (operand.kind === "Reg") {
      continue;
    } else if (operand.kind === "Imm" && typeof allowed === "function" && allowed(operand.value)) {
      continue;
    } else {
      const scratch = sourceScratch[sources++];
      if (!scratch) throw new Error(`${instr.kind} has more than three sources to patch`);
      before.push(...bringInto(scratch, operand));
      patched[field] = scratch;
    }
  }
  return [...before, patched as unknown as Out.Instr, ...after];
}

/** ldrb's destination and strb's source, a register by now, named as its 32-bit view (x9: w9), as the assembler wants. */
function asWordView(instr: Out.Instr): Out.Instr {
  const field = byteOperands[instr.kind];
  const r = field === undefined ? null : ((instr as unknown as Record<string, Out.Reg>)[field] ?? null);
  return r === null ? instr : ({ ...instr, [field!]: reg(wordView(r.name) as Out.Reg["name"]) } as Out.Instr);
}

export const patchInstructions = pass({
  name: "patch-instructions",
  from: La64homes,
  to: La64patched,
  purpose: "load and store slots around each instruction and build immediates that do not fit, using x9, x10 and x11",
  run(program: In.Program): Out.Program {
    const blocks = program.blocks.map((block) => ({ ...block, instrs: block.instrs.flatMap((instr) => fromSource(patchInstruction(instr), instr.loc)) }));
    return { kind: "Program", blocks: blocks.map((b) => ({ ...b, instrs: b.instrs.map(asWordView) })), data: program.data } as Out.Program; // the table of homes has served
  },
});
