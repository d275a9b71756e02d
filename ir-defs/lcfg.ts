// Lcfg: a control-flow graph of basic blocks. Each block is a list of simple
// statements and ends in a tail that says where control goes next. Execution
// starts at the first block. There are no nested expressions, blocks or loops.
import { extendIL, terminal } from "../src/il/define.js";
import { Lmon } from "./lmon.js";

export const Lcfg = extendIL(Lmon, {
  name: "Lcfg",
  purpose: "explicit control flow: basic blocks of simple statements ending in goto, branch or return",
  terminals: {
    label: terminal.label,
    cmpop: terminal.oneOf("cmpop", ["==", "!=", "<", "<=", ">", ">="]),
  },
  remove: ["Item", "Param", "Block", "Stmt", "Expr", "If"],
  add: {
    Program: { Program: "<blocks:BasicBlock*\n>" },
    BasicBlock: { BasicBlock: "<label:label>:<stmts:CStmt*\n>  <tail:Tail>" },
    CStmt: { Assign: "<name:name> = <value:CExpr>", Do: "<expr:CExpr>" },
    CExpr: ["Atom", { Binary: "(<left:Atom> <op:binop> <right:Atom>)", Unary: "<op:unop><arg:Atom>", Prim: "<op:prim>(<args:Atom*, >)" }],
    Tail: {
      Goto: "goto <target:label>",
      Branch: "if <left:Atom> <op:cmpop> <right:Atom> goto <then:label> else <else:label>",
      Return: "return <value:Atom>",
    },
  },
});
