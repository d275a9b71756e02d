// Lmon: monadic normal form. Operators and primitives take only atoms, so every
// intermediate result has a name; `if`, blocks and loops may still nest.
import { extendIL } from "../src/il/define.js";
import { Lshrunk } from "./lshrunk.js";

export const Lmon = extendIL(Lshrunk, {
  name: "Lmon",
  purpose: "operands are atoms: every operator, primitive and call takes literals and variables only",
  remove: ["Int", "Bool", "Unit", "Str", "Var", "Binary", "Unary", "Prim"],
  add: {
    Atom: { Int: "<value:int>", Bool: "<value:bool>", Unit: "()", Str: "<value:string>", Var: "<name:name>" },
    Expr: [
      "Atom",
      {
        Binary: "(<left:Atom> <op:binop> <right:Atom>)",
        Unary: "<op:unop><arg:Atom>",
        Prim: "<op:prim>(<args:Atom*, >)",
        Call: "<callee:name>(<args:Atom*, >)",
      },
    ],
  },
});
