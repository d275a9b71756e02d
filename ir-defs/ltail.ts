// Ltail: Lcfg where each call whose value a function returns at once, and whose
// arguments every target passes in registers, is a tail call: the callee's
// frame replaces the caller's, so recursion in tail position runs in constant
// stack (mark-tail-calls). Any other `return f(x)` is a call and a return.
import { extendIL } from "../il/define.js";
import { Lcfg } from "./lcfg.js";

export const Ltail = extendIL(Lcfg, {
  name: "Ltail",
  purpose: "tail calls explicit: a call whose value is returned at once is a jump to the callee, reusing the frame",
  remove: ["ReturnCall"],
  add: {
    Tail: {
      /** A call whose value is the function's value: the callee's frame replaces this one (its arguments all in registers). */
      TailCall: "tailcall <callee:name>(<args:Atom*, >)",
    },
  },
});
