// La64patched: La64homes (without the table of homes) where every instruction is one the machine can encode.
// AArch64 is a load/store machine: only ldr and str touch memory (here: stack
// slots), arithmetic works on registers, and an immediate appears only where the
// instruction has room for it. Constants wider than 16 bits are built with movz
// and movk. The grammar only adds those four instructions; the rest of the
// contract is the invariants below (see operand-rules.ts).
import { extendIL } from "../../il/define.js";
import { withoutHomes } from "../register-allocation.js";
import { La64homes } from "./la64homes.js";
import { badOperand, badWideMove, findInstr } from "./operand-rules.js";

/** The operands that are places in memory until La64 gives them addresses. */
export const stackKinds = ["Slot", "StackArg", "OutArg"] as const;

export const La64patched = extendIL(La64homes, {
  name: "La64patched",
  purpose: "every instruction encodable: registers for arithmetic, slots only in ldr and str, wide constants by movz/movk",
  remove: withoutHomes.remove,
  add: {
    ...withoutHomes.add,
    Instr: {
      Ldr: "ldr <dst:Arg>, <src:Arg>",
      Str: "str <src:Arg>, <dst:Arg>",
      Movz: "movz <dst:Arg>, #<value:count>, lsl #<shift:count>",
      Movk: "movk <dst:Arg>, #<value:count>, lsl #<shift:count>",
    },
  },
  invariants: [
    {
      says: "only ldr and str touch stack slots and stack arguments: ldr loads one into a register, str stores a register into one",
      check: (program) => findInstr(program, (instr) => badOperand(instr, stackKinds, "memory")),
    },
    {
      says: "all other operands are registers, except immediates the instruction can encode: add, sub and cmp 0..4095 (last operand), lsl and asr 0..63, mov 0..65535, and, orr and eor a bitmask immediate (a repeated rotated run of ones)",
      check: (program) => findInstr(program, (instr) => badOperand(instr, stackKinds, "other")),
    },
    {
      says: "movz and movk place a 16-bit value at bit 0, 16, 32 or 48",
      check: (program) => findInstr(program, badWideMove),
    },
  ],
});
