// Lreturn: Lmon where a function gives its value only by `return`, of an atom
// or of what a call returns (`return f(x)`): a non-Unit function's body ends in
// returns on every path that does not end in a jump, and a Unit function
// returns only (). The value of any other expression that a function returns
// is named by a `let` first.
import { extendIL } from "../il/define.js";
import { Lmon } from "./lmon.js";

export const Lreturn = extendIL(Lmon, {
  name: "Lreturn",
  purpose: "returns explicit: a function's value is given only by return, of an atom or of a call's value",
  add: {
    Stmt: {
      Return: "return <value:Atom>",
      /** Returns what the call returns. */
      ReturnCall: "return <callee:name>(<args:Atom*, >)",
    },
  },
});
