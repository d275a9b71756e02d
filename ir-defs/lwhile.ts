// Lwhile: Lvalues where `while` is the only loop.
import { extendIL } from "../il/define.js";
import { Lvalues } from "./lvalues.js";
import { loopNames } from "./names.js";

export const Lwhile = extendIL(Lvalues, {
  name: "Lwhile",
  purpose: "for loops over ranges and arrays rewritten as while loops",
  remove: ["For", "ForEach"],
  terminals: { name: loopNames },
});
