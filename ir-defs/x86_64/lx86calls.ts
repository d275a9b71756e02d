// Lx86calls and Lx86select: Lx86var with some operations still one
// pseudo-instruction each, as select-instructions leaves them for a pass of
// their own to expand (they are defined from Lx86var, which comes after them:
// each is Lx86var plus what is still to be lowered).
//
// Lx86calls (lower-calls expands): a call takes its arguments as operands and
// names where its result goes, `call fn.f(x, $1, $.Lstr0) => y`; a function's
// first instruction takes its parameters, `params n.1, m.2`; `return v` gives
// the function's value. None of them says yet which register or stack cell
// carries what: that is the calling convention, System V.
// An argument may be an address, `$label`: a string object's (.Lstr0) or a
// function's (fn.f), which lower-calls loads with leaq; `$.Lstr0+24` is the
// address of the string's bytes (a panic message for qn_panic).
//
// Lx86select (lower-division expands): `div a, b => q` and `rem a, b => r` are
// Quastra's `/` and `%`, which panic on a zero divisor and wrap MIN / -1 to MIN
// (with no `=> dst`, only the panic is wanted).
import { extendIL, terminal } from "../../il/define.js";
import { addressOperands } from "../functions.js";
import { Lx86var } from "./lx86var.js";

export const Lx86calls = extendIL(Lx86var, {
  name: "Lx86calls",
  purpose: "x86-64 instructions where calls, parameters and returns take operands, not yet System V's registers and stack",
  add: {
    Operand: ["Arg", { Address: "$<label:label><+|offset:int?>" }],
    Instr: {
      /** A call of a function of the program or a routine of the runtime; the result, if any, goes to `result`. */
      Call: "call <target:label>(<args:Operand*, >)< => |result:Arg?>",
      CallIndirect: "call *<callee:Arg>(<args:Operand*, >)< => |result:Arg?>",
      TailCall: "tailcall <target:label>(<args:Operand*, >)",
      TailCallIndirect: "tailcall *<callee:Arg>(<args:Operand*, >)",
      /** The function's parameters, first instruction of its entry block. */
      Params: "params <params:Arg*, >",
      /** Leaves the function, giving `value`. */
      Return: "return <value:Operand>",
    },
  },
  invariants: [addressOperands],
});

export const Lx86select = extendIL(Lx86calls, {
  name: "Lx86select",
  purpose: "x86-64 instructions where / and % are still one pseudo-instruction each",
  terminals: { divop: terminal.oneOf("divop", ["div", "rem"]) },
  add: {
    Instr: {
      /** Quastra's `/` (div) or `%` (rem) of left by right into dst; panics on a zero divisor. */
      Divide: "<op:divop> <left:Arg>, <right:Arg>< => |dst:Arg?>",
    },
  },
});
