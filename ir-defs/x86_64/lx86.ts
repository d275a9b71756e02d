// Lx86: x86-64 assembly, ready to print.
//
// add-prelude-and-conclusion turns each slot into an address in main's frame,
// `slot k` -> `-8(k+1)(%rbp)`, and adds the blocks that set the frame up (under
// the symbol qn_main that the runtime calls) and take it down again (under
// main.conclusion, which ends in `retq`). Only here do %rsp and %rbp matter.
import { extendIL } from "../../src/il/define.js";
import { Lx86patched } from "./lx86patched.js";

export const Lx86 = extendIL(Lx86patched, {
  name: "Lx86",
  purpose: "assembly for x86-64: the frame is explicit, memory operands are addresses",
  remove: ["Slot"],
  add: {
    Arg: { Mem: "<offset:int>(%<base:reg>)" },
    Instr: { Pushq: "pushq <src:Arg>", Popq: "popq <dst:Arg>", Retq: "retq" },
  },
});
