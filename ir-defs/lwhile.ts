// Lwhile: Lassign where `while` is the only loop.
import { extendIL } from "../src/il/define.js";
import { Lassign } from "./lassign.js";

export const Lwhile = extendIL(Lassign, {
  name: "Lwhile",
  purpose: "for loops over ranges rewritten as while loops",
  remove: ["For"],
});
