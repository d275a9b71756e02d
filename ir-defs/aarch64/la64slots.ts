// La64slots: La64var with every variable replaced by a stack slot of its own.
// `slot3` is the fourth 8-byte slot of qn_main's frame; where the frame lies is
// decided later (add-prelude-and-conclusion). Instructions are unchanged, so
// an instruction may still name slots and immediates the machine cannot encode.
import { extendIL, terminal } from "../../src/il/define.js";
import { La64var } from "./la64var.js";

export const La64slots = extendIL(La64var, {
  name: "La64slots",
  purpose: "variables replaced by numbered stack slots",
  terminals: { count: terminal.count },
  remove: ["Var"],
  add: { Arg: { Slot: "slot<index:count>" } },
});
