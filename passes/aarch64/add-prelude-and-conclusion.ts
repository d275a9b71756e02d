// add-prelude-and-conclusion: La64patched -> La64
//
// Purpose: give each function its stack frame. A new first block under the
// function's symbol (qn_main, which the runtime calls, or fn.F) saves the frame
// pointer and the return address, points x29 at them, moves sp down past the
// frame and saves the callee-saved registers (x19-x28) that the function uses
// in cells past the slots; the block F.conclusion, the target of every
// `return`, undoes that and returns. The frame holds, from sp up: the stack
// arguments of the calls the function makes (`outarg k` is [sp, #8k]), the
// slots (slot k is [sp, #8(n+k)] after n outgoing arguments), the saved
// registers. An argument the caller passed on the stack, `stackarg k`, is
// [x29, #16+8k], just above the saved x29 and x30. sp stays 16-byte aligned,
// as calls require. Once the frame is made, the prelude loads the runtime's
// qn_stack_limit into x16 and panics with `stack overflow` when sp is below it
// (x16 and x17 are never allocated). A tail call becomes the conclusion without
// its `ret`, then a branch to the callee (whose prelude makes its frame where
// this one was).
//
// Before (La64patched):             After (La64):
//                                     qn_main:
//                                       stp x29, x30, [sp, #-16]!
//                                       mov x29, sp
//                                       sub sp, sp, #16
//                                       adrp x16, qn_stack_limit
//                                       ldr x16, [x16, :lo12:qn_stack_limit]
//                                       cmp sp, x16
//                                       b.lo qn_stack_overflow
//                                       str x19, [sp, #8]      (two registers: stp x19, x20, [sp, #8])
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
import { blocksByFunction, conclusionOf, entryOf, functionSymbol } from "../../ir-defs/functions.js";
import { La64patched } from "../../ir-defs/aarch64/la64patched.js";
import { fitsArithmetic, fitsLoadOffset } from "../../ir-defs/aarch64/operand-rules.js";
import { forEachNode } from "../../il/rewrite.js";
import { frameOf } from "../shared/both-targets.js";
import { calleeSaved } from "../../ir-defs/aarch64/machine.js";
import { stackLimit, stackOverflow } from "../../ir-defs/runtime-routines.js";
import { pass } from "../../il/pass.js";
import { imm, loadConstant, reg } from "./instructions.js";

const [sp, fp, lr, far, x17] = [reg("sp"), reg("x29"), reg("x30"), reg("x16"), reg("x17")];

/** Once the frame is made: sp below the runtime's qn_stack_limit is a stack overflow (a panic, never a SIGSEGV). */
const checkStack: Out.Instr[] = [
  { kind: "Adrp", dst: far, symbol: stackLimit },
  { kind: "LdrLo12", dst: far, base: "x16", symbol: stackLimit },
  { kind: "Cmp", left: sp, right: far }, // the extended-register form of cmp reads sp itself
  { kind: "BCond", cond: "lo", target: stackOverflow },
];

/** Where a function's frame puts things, in bytes from sp (or, for stack arguments, from x29). */
interface Layout {
  /** Outgoing stack arguments take the bottom of the frame, slots start after them. */
  readonly outgoing: number;
}

/** ldr/str of a stack place: it becomes an sp- or x29-relative address (through x16 when far). */
function placeSlot(instr: In.Instr, layout: Layout): Out.Instr[] {
  if (instr.kind !== "Ldr" && instr.kind !== "Str") return [instr as Out.Instr];
  const slot = instr.kind === "Ldr" ? instr.src : instr.dst;
  let base: "sp" | "x29" = "sp";
  let offset: bigint;
  switch (slot.kind) {
    case "Slot": offset = BigInt(layout.outgoing + slot.index) * 8n; break;
    case "OutArg": offset = BigInt(slot.index) * 8n; break;
    case "StackArg": [base, offset] = ["x29", 16n + BigInt(slot.index) * 8n]; break; // above the saved x29 and x30
    default: throw new Error(`${instr.kind} of ${slot.kind}, not of a stack place`);
  }
  const near = fitsLoadOffset(offset);
  const address: Out.Mem = { kind: "Mem", base: near ? base : "x16", offset: near ? offset : 0n };
  const reach: Out.Instr[] = near ? [] : [...loadConstant(far, offset), { kind: "Add", dst: far, left: reg(base), right: far }];
  const access: Out.Instr =
    instr.kind === "Ldr" ? { kind: "Ldr", dst: instr.dst as Out.Arg, src: address } : { kind: "Str", src: instr.src as Out.Arg, dst: address };
  return [...reach, access];
}

/** Saves (or restores) of callee-saved registers, two at a time while stp/ldp reach their cells (504), then one at a time. */
function pairs(saved: readonly In.Reg[], slots: number, layout: Layout, one: (r: In.Reg, j: number) => Out.Instr[], two: (first: Out.Reg, second: Out.Reg, at: Out.Mem) => Out.Instr): Out.Instr[] {
  const out: Out.Instr[] = [];
  for (let j = 0; j < saved.length; j += 2) {
    const [offset, second] = [BigInt(layout.outgoing + slots + j) * 8n, saved[j + 1]];
    out.push(...(second && offset <= 496n ? [two(saved[j]! as Out.Reg, second as Out.Reg, { kind: "Mem", base: "sp", offset })] : [...one(saved[j]!, j), ...(second ? one(second, j + 1) : [])]));
  }
  return out;
}

function prelude(fn: string, size: bigint, save: Out.Instr[]): Out.Block {
  const grow: Out.Instr[] =
    size === 0n ? []
    : fitsArithmetic(size) ? [{ kind: "Sub", dst: sp, left: sp, right: imm(size) }]
    : [...loadConstant(far, size), { kind: "Sub", dst: sp, left: sp, right: far }];
  return {
    kind: "Block",
    label: functionSymbol(fn),
    instrs: [{ kind: "Stp", first: fp, second: lr }, { kind: "Mov", dst: fp, src: sp }, ...grow, ...checkStack, ...save, { kind: "B", target: entryOf(fn) }],
  };
}

/** One function's blocks between its prelude and its conclusion, its stack places made addresses. */
function framed(fn: string, blocks: In.Block[]): Out.Block[] {
  let outgoing = 0;
  forEachNode(La64patched, { kind: "Program", blocks, data: [] }, (node) => {
    if (node.kind === "OutArg") outgoing = Math.max(outgoing, (node.index as number) + 1);
  });
  const layout: Layout = { outgoing };
  const tailCall = (instr: In.Instr): Out.Instr[] | null => {
    // A tail call takes the frame down as the conclusion does, then branches to the callee,
    // which returns to this function's caller (an indirect one keeps its target in x17).
    if (instr.kind === "TailCall") return [...teardown(), { kind: "B", target: instr.target }];
    if (instr.kind === "TailCallIndirect") return [{ kind: "Mov", dst: x17, src: instr.callee as Out.Arg }, ...teardown(), { kind: "Br", target: x17 }];
    return null;
  };
  // Each callee-saved register in use is kept in a cell of the frame past the slots.
  const { slots, saved } = frameOf<In.Reg>(La64patched, { kind: "Program", blocks, data: [] }, calleeSaved);
  const size = BigInt(Math.ceil((outgoing + slots + saved.length) / 2) * 16);
  const cell = (j: number): In.Slot => ({ kind: "Slot", index: slots + j });
  const save = pairs(saved, slots, layout, (r, j) => placeSlot({ kind: "Str", src: r, dst: cell(j) }, layout), (first, second, dst) => ({ kind: "StpAt", first, second, dst }));
  const restore = pairs(saved, slots, layout, (r, j) => placeSlot({ kind: "Ldr", dst: r, src: cell(j) }, layout), (first, second, src) => ({ kind: "LdpAt", first, second, src }));
  const teardown = (): Out.Instr[] => [...restore, { kind: "Mov", dst: sp, src: fp }, { kind: "Ldp", first: fp, second: lr }];
  const body = blocks.map((block): Out.Block => ({ ...block, instrs: block.instrs.flatMap((instr) => tailCall(instr) ?? placeSlot(instr, layout)) }));
  return [prelude(fn, size, save), ...body, { kind: "Block", label: conclusionOf(fn), instrs: [...teardown(), { kind: "Ret" }] }];
}

export const addPreludeAndConclusion = pass({
  name: "add-prelude-and-conclusion",
  from: La64patched,
  to: La64,
  purpose: "each function gets its frame (prelude and conclusion, saving the callee-saved registers it uses); slots and stack arguments get addresses",
  run(program: In.Program): Out.Program {
    const blocks = blocksByFunction(program.blocks).flatMap(({ fn, blocks }) => framed(fn, blocks));
    return { kind: "Program", blocks, data: program.data };
  },
});
