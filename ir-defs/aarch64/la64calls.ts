// La64calls and La64select: La64var with some operations still one
// pseudo-instruction each, as select-instructions leaves them for a pass of
// their own to expand (they are defined from La64var, which comes after them:
// each is La64var plus what is still to be lowered).
//
// La64calls (lower-calls expands): a call takes its arguments as operands and
// names where its result goes, `call fn.f(x, #1, =.Lstr0) => y`; a function's
// first instruction takes its parameters, `params n.1, m.2`; `return v` gives
// the function's value. None of them says yet which register or stack cell
// carries what: that is the calling convention, AAPCS64.
// An argument may be an address, `=label`: a string object's (.Lstr0) or a
// function's (fn.f), which lower-calls loads with adrp and add; `=.Lstr0+24` is
// the address of the string's bytes (a panic message for qn_panic).
//
// La64memory (lower-memory expands): heap accesses as Lalloc writes them, an
// address base + offset [+ 8 * index] of any operands, `ldr x, [a + 24 + 8 * i]`,
// `str v, [p + 16]`, and `inc [p]`, which AArch64, a load/store machine with
// only a register and a small offset for an address, cannot do in one
// instruction.
//
// La64select (lower-division expands): `div a, b => q` and `rem a, b => r` are
// Quastra's `/` and `%`, which panic on a zero divisor and wrap MIN / -1 to MIN
// (with no `=> dst`, only the panic is wanted).
import { extendIL, terminal } from "../../il/define.js";
import { addressOperands } from "../functions.js";
import { La64var } from "./la64var.js";

export const La64calls = extendIL(La64var, {
  name: "La64calls",
  purpose: "AArch64 instructions where calls, parameters and returns take operands, not yet AAPCS64's registers and stack",
  add: {
    Operand: ["Arg", { Address: "=<label:label><+|offset:int?>" }],
    Instr: {
      /** A call of a function of the program or a routine of the runtime; the result, if any, goes to `result`. */
      Call: "call <target:label>(<args:Operand*, >)< => |result:Arg?>",
      CallIndirect: "call *<callee:Arg>(<args:Operand*, >)< => |result:Arg?>",
      TailCall: "tailcall <target:label>(<args:Operand*, >)",
      TailCallIndirect: "tailcall *<callee:Arg>(<args:Operand*, >)",
      /** The function's parameters, first instruction of its entry block. */
      Params: "params <params:Arg*, >",
      /** Leaves the function, giving `value`. */
      Return: "return <value:Operand>",
    },
  },
  invariants: [addressOperands],
});

export const La64memory = extendIL(La64calls, {
  name: "La64memory",
  purpose: "AArch64 instructions where each heap access (a load, a store, inc) is still one pseudo-instruction at any address",
  add: {
    Instr: {
      /** dst = the word at base + offset (+ 8 * index). */
      LoadHeap: "ldr <dst:Arg>, [<base:Operand> + <offset:int>< + 8 * |index:Operand?>]",
      /** The word at base + offset (+ 8 * index) = src. */
      StoreHeap: "str <src:Operand>, [<base:Operand> + <offset:int>< + 8 * |index:Operand?>]",
      /** One more reference to base's object: its count, the first word, plus one. */
      IncHeap: "inc [<base:Arg>]",
    },
  },
});

export const La64select = extendIL(La64memory, {
  name: "La64select",
  purpose: "AArch64 instructions where / and % are still one pseudo-instruction each",
  terminals: { divop: terminal.oneOf("divop", ["div", "rem"]) },
  add: {
    Instr: {
      /** Quastra's `/` (div) or `%` (rem) of left by right into dst; panics on a zero divisor. */
      Divide: "<op:divop> <left:Arg>, <right:Arg>< => |dst:Arg?>",
    },
  },
});
