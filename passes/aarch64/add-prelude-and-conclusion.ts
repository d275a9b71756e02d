// add-prelude-and-conclusion: La64patched -> La64
//
// Purpose: give qn_main its stack frame. A new first block, qn_main (the symbol
// the runtime calls), saves the frame pointer and the return address, points
// x29 at them, moves sp down past the slots and saves the callee-saved
// registers (x19-x28) that main uses in cells past the slots; the block
// main.conclusion, the target of every `return`, undoes that and returns.
// Slot k becomes the address [sp, #8k]; sp stays 16-byte aligned, as calls require.
//
// Before (La64patched):             After (La64):
//                                     qn_main:
//                                       stp x29, x30, [sp, #-16]!
//                                       mov x29, sp
//                                       sub sp, sp, #16
//                                       str x19, [sp, #8]
//                                       b main.start
//   main.start:                       main.start:
//     mov x19, #7                       mov x19, #7
//     str x19, slot0                    str x19, [sp, #0]
//     ldr x0, slot0                     ldr x0, [sp, #0]
//     b main.conclusion                 b main.conclusion
//                                     main.conclusion:
//                                       ldr x19, [sp, #8]
//                                       mov sp, x29
//                                       ldp x29, x30, [sp], #16
//                                       ret
//
// A frame larger than 4095 bytes is made with `sub sp, sp, x16` after building
// the size in x16, and a slot beyond [sp, #32760] is reached through x16 too:
// `add x16, sp, x16` with the offset in x16, then [x16, #0].

import type * as In from "../../ir-defs/generated/La64patched.js";
import type * as Out from "../../ir-defs/generated/La64.js";
import { La64 } from "../../ir-defs/aarch64/la64.js";
import { mainConclusion } from "../../ir-defs/aarch64/la64var.js";
import { La64patched } from "../../ir-defs/aarch64/la64patched.js";
import { fitsArithmetic, fitsLoadOffset } from "../../ir-defs/aarch64/operand-rules.js";
import { rewriter } from "../../src/il/rewrite.js";
import { frameOf } from "../../src/pass-helpers/both-targets.js";
import { calleeSaved } from "../../ir-defs/aarch64/machine.js";
import { pass } from "../../src/pass.js";
import { imm, loadConstant, reg } from "../../src/pass-helpers/aarch64-instructions.js";

const [sp, fp, lr, far] = [reg("sp"), reg("x29"), reg("x30"), reg("x16")];

/** ldr/str of a slot: the slot becomes an sp-relative address (through x16 when far). */
function placeSlot(instr: In.Instr): Out.Instr[] {
  if (instr.kind !== "Ldr" && instr.kind !== "Str") return [instr as Out.Instr];
  const slot = instr.kind === "Ldr" ? instr.src : instr.dst;
  if (slot.kind !== "Slot") throw new Error(`${instr.kind} of ${slot.kind}, not of a slot`);
  const offset = BigInt(slot.index) * 8n;
  const near = fitsLoadOffset(offset);
  const address: Out.Mem = { kind: "Mem", base: near ? "sp" : "x16", offset: near ? offset : 0n };
  const reach: Out.Instr[] = near ? [] : [...loadConstant(far, offset), { kind: "Add", dst: far, left: sp, right: far }];
  const access: Out.Instr =
    instr.kind === "Ldr" ? { kind: "Ldr", dst: instr.dst as Out.Arg, src: address } : { kind: "Str", src: instr.src as Out.Arg, dst: address };
  return [...reach, access];
}

function prelude(size: bigint, save: Out.Instr[], entry: string): Out.Block {
  const grow: Out.Instr[] =
    size === 0n ? []
    : fitsArithmetic(size) ? [{ kind: "Sub", dst: sp, left: sp, right: imm(size) }]
    : [...loadConstant(far, size), { kind: "Sub", dst: sp, left: sp, right: far }];
  return {
    kind: "Block",
    label: "qn_main",
    instrs: [{ kind: "Stp", first: fp, second: lr }, { kind: "Mov", dst: fp, src: sp }, ...grow, ...save, { kind: "B", target: entry }],
  };
}

function conclusion(restore: Out.Instr[]): Out.Block {
  return {
    kind: "Block",
    label: mainConclusion,
    instrs: [...restore, { kind: "Mov", dst: sp, src: fp }, { kind: "Ldp", first: fp, second: lr }, { kind: "Ret" }],
  };
}

export const addPreludeAndConclusion = pass({
  name: "add-prelude-and-conclusion",
  from: La64patched,
  to: La64,
  purpose: "qn_main gets its frame (prelude and conclusion, saving the callee-saved registers it uses) and each slot its address [sp, #8k]",
  run(program: In.Program): Out.Program {
    const place = rewriter<In.Node, undefined>(La64patched, {
      Block: (block) => ({ ...block, instrs: block.instrs.flatMap(placeSlot) }),
      // Program and StringData: rebuilt unchanged by the fallback.
    });
    const placed: Out.Program = place(program, undefined);
    const entry = program.blocks[0]?.label ?? mainConclusion;
    // Each callee-saved register in use is kept in a cell of the frame past the slots.
    const { slots, saved } = frameOf<In.Reg>(La64patched, program, calleeSaved);
    const size = BigInt(Math.ceil((slots + saved.length) / 2) * 16);
    const cell = (j: number): In.Slot => ({ kind: "Slot", index: slots + j });
    const save = saved.flatMap((r, j) => placeSlot({ kind: "Str", src: r, dst: cell(j) }));
    const restore = saved.flatMap((r, j) => placeSlot({ kind: "Ldr", dst: r, src: cell(j) }));
    return { ...placed, blocks: [prelude(size, save, entry), ...placed.blocks, conclusion(restore)] };
  },
});
