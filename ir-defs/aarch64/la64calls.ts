// La64calls, La64memory and La64select: La64var with calls, parameters and
// returns, heap accesses and / and % still pseudo-instructions, as
// select-instructions leaves them: lower-division, lower-memory and
// lower-calls, on the way to La64var, make them AArch64 instructions. The
// calls and divisions are both targets' (ir-defs/pseudo-instructions.ts).
//
// La64memory (lower-memory expands): heap accesses as Lalloc writes them, an
// address base + offset [+ 8 * index] of any operands, `ldr x, [a + 24 + 8 * i]`,
// `str v, [p + 16]`, a byte's (an element of an array of Bool) `ldrb x, [b + 24 + i]`
// and `strb v, [b + 24 + i]`, and `inc [p]`, which AArch64, a load/store machine with
// only a register and a small offset for an address, cannot do in one
// instruction.
import { extendIL } from "../../il/define.js";
import { callsIL, divideIL } from "../pseudo-instructions.js";
import { La64var } from "./la64var.js";

export const La64calls = callsIL(La64var, "La64calls", "AArch64", "AAPCS64", "=");

export const La64memory = extendIL(La64calls, {
  name: "La64memory",
  purpose: "AArch64 instructions where each heap access (a load, a store, inc) is still one pseudo-instruction at any address",
  add: {
    Instr: {
      /** dst = the word at base + offset (+ 8 * index). */
      LoadHeap: "ldr <dst:Arg>, [<base:Operand> + <offset:int>< + 8 * |index:Operand?>]",
      /** The word at base + offset (+ 8 * index) = src. */
      StoreHeap: "str <src:Operand>, [<base:Operand> + <offset:int>< + 8 * |index:Operand?>]",
      /** dst = the byte at base + offset (+ index), zero-extended: an element of an array of Bool. */
      LoadHeapByte: "ldrb <dst:Arg>, [<base:Operand> + <offset:int>< + |index:Operand?>]",
      /** The byte at base + offset (+ index) = src's low byte. */
      StoreHeapByte: "strb <src:Operand>, [<base:Operand> + <offset:int>< + |index:Operand?>]",
      /** One more reference to base's object: its count, the first word, plus one. */
      IncHeap: "inc [<base:Arg>]",
    },
  },
});

export const La64select = divideIL(La64memory, "La64select", "AArch64");
