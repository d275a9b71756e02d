// Lcfg: one control-flow graph of basic blocks per function. Each block is a
// list of simple statements and ends in a tail that says where control goes
// next. A function starts at its first block, labelled `NAME.start`; every
// label of a function starts with its name and a dot. The program starts at
// `main`. There are no nested expressions, blocks or loops: what is left of
// Lreturn's statements and expressions are its simple ones (CStmt and CExpr).
// `return f(x)` returns what a call returns (mark-tail-calls makes it a tail call).
import { extendIL, terminal } from "../il/define.js";
import { Lreturn } from "./lreturn.js";
import { blockLabel } from "./symbols.js";

export const Lcfg = extendIL(Lreturn, {
  name: "Lcfg",
  purpose: "explicit control flow: each function is basic blocks of simple statements ending in goto, branch or return",
  terminals: {
    label: blockLabel(false),
    cmpop: terminal.oneOf("cmpop", ["==", "!=", "<", "<=", ">", ">="]),
  },
  rename: { Stmt: "CStmt", Expr: "CExpr" },
  remove: ["Item", "Param", "Block", "Let", "While", "Break", "Continue", "ExprStmt", "If"],
  add: {
    Program: { Program: "<defs:Def*\n>" },
    /** `refs` lists the function's variables (parameters included) that hold references to heap objects;
     * `unions` those of them that may hold an immediate instead, a union's value (ir-defs/heap-layout.ts). */
    Def: { Def: "fn <name:name>(<params:name*, >)< refs |refs:name*, >< unions |unions:name*, ><blocks:BasicBlock*\n>" },
    BasicBlock: { BasicBlock: "<label:label>:<stmts:CStmt*\n>  <tail:Tail>" },
    CStmt: { Do: "<expr:CExpr>" },
    Tail: {
      Goto: "goto <target:label>",
      Branch: "if <left:Atom> <op:cmpop> <right:Atom> goto <then:label> else <else:label>",
      Return: "return <value:Atom>",
      /** Returns what the call returns. */
      ReturnCall: "return <callee:name>(<args:Atom*, >)",
    },
  },
});
