// Lmon: monadic normal form. Operators and primitives take only atoms, so every
// intermediate result has a name; `if`, blocks and loops may still nest.
import { extendIL } from "../il/define.js";
import { Lchecked } from "./lchecked.js";

export const Lmon = extendIL(Lchecked, {
  name: "Lmon",
  purpose: "operands are atoms: every operator, primitive, call, load, store and allocation takes literals and variables only",
  remove: ["Int", "Bool", "Unit", "Str", "Var", "StaticClosure", "Binary", "Unary", "Prim", "New", "NewArray", "Load", "Receive"],
  add: {
    Atom: { Int: "<value:int>", Bool: "<value:bool>", Unit: "()", Str: "<value:string>", Var: "<name:name>", StaticClosure: "static closure <code:name>" },
    Expr: [
      "Atom",
      {
        Binary: "(<left:Atom> <op:binop> <right:Atom>)",
        Unary: "<op:unop><arg:Atom>",
        Prim: "<op:prim>(<args:Atom*, >)",
        Call: "call <callee:name>(<args:Atom*, >)",
        New: "new(<fields:Atom*, >) refs <refs:refs>",
        NewArray: "array(<length:Atom>, <init:Atom>) size <size:size> refs <refs:refs>",
        Load: "*(<base:Atom> + <offset:int>< + |size:size?>< * |index:Atom?>): <type:type>",
        Receive: "recv(<chan:Atom>) found <found:name>",
      },
    ],
    Stmt: {
      Store: "*(<base:Atom> + <offset:int>< + |size:size?>< * |index:Atom?>) = <value:Atom>",
      CheckIndex: "check 0 <= <index:Atom> < <length:Atom>",
    },
  },
});
