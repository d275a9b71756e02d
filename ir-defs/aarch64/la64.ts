// La64: the final AArch64 program. qn_main now has its prelude (save x29 and
// x30, set the frame pointer, make room for the slots) and its conclusion (undo
// all that and `ret`), and each stack slot has become a real address
// `[sp, #offset]` (or `[x16, #0]` after computing a far address into x16).
// Printing this IL's instructions is the assembly text.
import { extendIL, terminal } from "../../il/define.js";
import { La64patched } from "./la64patched.js";
import { badOperand, findInstr, fitsLoadOffset } from "./operand-rules.js";

export const La64 = extendIL(La64patched, {
  name: "La64",
  purpose: "complete AArch64 code: prelude and conclusion added, stack slots turned into sp-relative addresses",
  remove: ["Slot", "StackArg", "OutArg", "TailCall", "TailCallIndirect"],
  // A memory operand is in the frame: a heap object is read and written by Load and Store.
  terminals: { frame: terminal.oneOf("frame", ["sp", "x29", "x16"], "sp, x29 (the frame pointer) or x16 (a far slot's address)") },
  add: {
    Arg: { Mem: "[<base:frame>, #<offset:int>]" },
    Instr: {
      Stp: "stp <first:Arg>, <second:Arg>, [sp, #-16]!",
      Ldp: "ldp <first:Arg>, <second:Arg>, [sp], #16",
      /** Two callee-saved registers saved in adjacent cells of the frame (dst and the word after it). */
      StpAt: "stp <first:Arg>, <second:Arg>, <dst:Arg>",
      /** Two callee-saved registers restored from adjacent cells of the frame (src and the word after it). */
      LdpAt: "ldp <first:Arg>, <second:Arg>, <src:Arg>",
      Ret: "ret",
      /** A branch to the address target holds (an indirect tail call). */
      Br: "br <target:Arg>",
      /** Loads the runtime's word at `symbol` (the page's address in base, from adrp). */
      LdrLo12: "ldr <dst:Arg>, [<base:reg>, :lo12:<symbol:data>]",
    },
  },
  dropInvariants: ["only ldr and str touch stack slots and stack arguments: ldr loads one into a register, str stores a register into one"],
  invariants: [
    {
      says: "only ldr and str touch memory: ldr loads an address into a register, str stores a register at an address",
      check: (program) => findInstr(program, (instr) => badOperand(instr, ["Mem"], "memory")),
    },
    {
      says: "a memory address is [base, #offset] with the offset a multiple of 8 in 0..32760",
      check: (program) =>
        findInstr(program, (instr) => {
          for (const arg of [instr.src, instr.dst]) {
            const mem = arg as { kind?: string; offset?: bigint } | undefined;
            if (mem?.kind === "Mem" && !fitsLoadOffset(mem.offset!)) return `offset ${mem.offset} is out of range for ldr/str`;
          }
          return null;
        }),
    },
  ],
});
