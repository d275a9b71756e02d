// Lnotry: Lnoconst without `try`: expand-try wrote each as the match it means,
// whose Err arm returns the error from the function.
import { extendIL } from "../il/define.js";
import { Lnoconst } from "./lnoconst.js";

export const Lnotry = extendIL(Lnoconst, {
  name: "Lnotry",
  purpose: "try expanded: a match on the Result whose Err arm returns the error",
  remove: ["Try"],
});
