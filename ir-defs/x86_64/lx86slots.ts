// Lx86slots: x86-64 instructions whose variables have become stack slots.
//
// assign-homes gives every variable its own 8-byte slot of main's frame, numbered
// from 0. A slot is memory: `slot3` later becomes `-32(%rbp)`. The operand forms
// `Var {name}` and `Slot {index}` are the same in both back ends, so one pass serves both.
import { extendIL, terminal } from "../../src/il/define.js";
import { Lx86var } from "./lx86var.js";

export const Lx86slots = extendIL(Lx86var, {
  name: "Lx86slots",
  purpose: "every variable is replaced by its stack slot",
  terminals: { count: terminal.count },
  remove: ["Var"],
  add: { Arg: { Slot: "slot<index:count>" } },
});
