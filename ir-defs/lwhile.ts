// Lwhile: Lvalues where `while` is the only loop (`for v in ch` too is a
// while loop over `recv`).
import { extendIL } from "../il/define.js";
import { Lvalues } from "./lvalues.js";
import { loopNames } from "./names.js";

export const Lwhile = extendIL(Lvalues, {
  name: "Lwhile",
  purpose: "for loops over ranges, arrays and channels rewritten as while loops",
  remove: ["For", "ForEach", "ForChan"],
  terminals: { name: loopNames },
});
