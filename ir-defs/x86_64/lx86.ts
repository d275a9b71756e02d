// Lx86: x86-64 assembly, ready to print.
//
// add-prelude-and-conclusion turns each slot into an address in its function's
// frame, `slot k` -> `-8(k+1)(%rbp)`, each `stackarg k` into `16+8k(%rbp)`
// (the heap's addresses, in loads and stores, are in registers already),
// and adds to each function the blocks that set its frame up (under its symbol:
// qn_main, which the runtime calls, or fn.F) and take it down again (under
// F.conclusion, which ends in `retq`). Only here do %rsp and %rbp matter. Each
// prelude checks the stack: `cmpq qn_stack_limit(%rip), %rsp` and
// `jb qn_stack_overflow` (see spec/calls.md).
import { extendIL, terminal } from "../../il/define.js";
import { Lx86patched } from "./lx86patched.js";

export const Lx86 = extendIL(Lx86patched, {
  name: "Lx86",
  purpose: "assembly for x86-64: the frame is explicit, memory operands are addresses",
  remove: ["Slot", "StackArg", "TailCall", "TailCallIndirect"],
  // A memory operand is in the frame: a heap object is read and written by Load and Store.
  terminals: { frame: terminal.oneOf("frame", ["rbp"], "rbp, the frame pointer") },
  add: {
    Arg: { Mem: "<offset:int>(%<base:frame>)" },
    Instr: {
      Popq: "popq <dst:Arg>",
      Retq: "retq",
      /** A jump to the address target holds (an indirect tail call). */
      JmpIndirect: "jmp *<target:Arg>",
      /** Compares %rsp with the runtime's qn_stack_limit (flags from %rsp - limit). */
      CheckStack: "cmpq qn_stack_limit(%rip), %rsp",
    },
  },
});
