// Lfun: Ltail where a function is a value of its own kind. A fn item's name
// used as a value becomes a function reference `&f` (its code's address, on the
// machine), and a call names what it calls as an atom: `call &f(x)` calls the
// function f directly, `call g.3(x)` the function that the variable g.3 holds.
// Essentials of Compilation calls this `FunRef` (its pass reveal_functions).
import { extendIL } from "../il/define.js";
import { Ltail } from "./ltail.js";

export const Lfun = extendIL(Ltail, {
  name: "Lfun",
  purpose: "function references explicit: &f is a function as a value; a call is direct (call &f) or indirect (call through a variable)",
  add: {
    Atom: { FunRef: "&<name:name>" },
    CExpr: { Call: "call <callee:Atom>(<args:Atom*, >)" },
    Tail: { TailCall: "tailcall <callee:Atom>(<args:Atom*, >)" },
  },
});
