// The x86-64 ILs of register allocation (see ../register-allocation.ts):
//
//   Lx86live   uncover-live annotates each instruction:  addq b, a    # live: {a, c}
//   Lx86graph  build-interference adds the interference graph
//   Lx86homes  allocate-registers replaces each variable by a register or a
//              stack slot: `slot3` is the fourth 8-byte slot of main's frame,
//              later `-32(%rbp)`.
import { colouredIL, costsIL, graphIL, homesIL, liveIL } from "../register-allocation.js";
import { Lx86var } from "./lx86var.js";

export const Lx86live = liveIL(Lx86var, "Lx86live", "#");
export const Lx86graph = graphIL(Lx86live, "Lx86graph");
export const Lx86costs = costsIL(Lx86graph, "Lx86costs");
export const Lx86coloured = colouredIL(Lx86costs, "Lx86coloured");
export const Lx86homes = homesIL(Lx86coloured, "Lx86homes");
