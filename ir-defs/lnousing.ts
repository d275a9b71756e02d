// Lnousing: Lnomatch without `using`: expand-using wrote each as a `let` and a
// call of the value's drop method on every way out of its block, after the
// block's value (or the value returned) is computed, the last `using` first.
import { extendIL } from "../il/define.js";
import { Lnomatch } from "./lnomatch.js";

export const Lnousing = extendIL(Lnomatch, {
  name: "Lnousing",
  purpose: "using expanded: a let, and a call of its drop method on every exit from its block, the last using first",
  remove: ["Using"],
});
