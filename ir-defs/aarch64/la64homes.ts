// The AArch64 ILs of register allocation (see ../register-allocation.ts):
//
//   La64live   uncover-live annotates each instruction:  add a, a, b    // live: {a, c}
//   La64graph  build-interference adds the interference graph
//   La64homes  allocate-registers replaces each variable by a register or a
//              stack slot: `slot3` is the fourth 8-byte slot of qn_main's
//              frame, later `[sp, #24]`.
import { colouredIL, costsIL, graphIL, homesIL, liveIL } from "../register-allocation.js";
import { La64var } from "./la64var.js";

export const La64live = liveIL(La64var, "La64live", "//");
export const La64graph = graphIL(La64live, "La64graph");
export const La64costs = costsIL(La64graph, "La64costs");
export const La64coloured = colouredIL(La64costs, "La64coloured");
export const La64homes = homesIL(La64coloured, "La64homes");
