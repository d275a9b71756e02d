// Lsrc: Quastra as the programmer wrote it (the integer and control-flow core).
// The parser produces it; every node carries `loc`, its source span.
import { defineIL, terminal } from "../src/il/define.js";

export const binaryOperators = ["||", "&&", "==", "!=", "<", "<=", ">", ">=", "|", "^", "&", "<<", ">>", "+", "-", "*", "/", "%"] as const;
export const assignOperators = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="] as const;

export const Lsrc = defineIL({
  name: "Lsrc",
  purpose: "Quastra source as parsed: items, blocks, statements and expressions with all their sugar",
  entry: "Program",
  terminals: {
    int: terminal.int,
    bool: terminal.bool,
    string: terminal.string,
    name: terminal.name,
    type: terminal.oneOf("type", ["Int", "Bool", "Unit", "String"]),
    binop: terminal.oneOf("binop", binaryOperators),
    unop: terminal.oneOf("unop", ["-", "!", "~"]),
    assignop: terminal.oneOf("assignop", assignOperators),
    decl: terminal.oneOf("decl", ["let", "let mut"]),
  },
  grammar: {
    Program: { Program: "<items:Item*\n>" },
    Item: {
      Const: "const <name:name>: <type:type> = <value:Expr>",
      Fn: "fn <name:name>(<params:Param*, >)< -> |ret:type?> <body:Block>",
    },
    Param: { Param: "<name:name>: <type:type>" },
    Block: { Block: "{<stmts:Stmt*\n>}" },
    Stmt: {
      Let: "<decl:decl> <name:name><: |type:type?> = <init:Expr>",
      Assign: "<name:name> <op:assignop> <value:Expr>",
      While: "while <cond:Expr> <body:Block>",
      For: "for <name:name> in <from:Expr>..<to:Expr> <body:Block>",
      Break: "break",
      Continue: "continue",
      ExprStmt: "<expr:Expr>",
    },
    Expr: [
      "Block",
      {
        Int: "<value:int>",
        Bool: "<value:bool>",
        Unit: "()",
        Str: "<value:string>",
        Var: "<name:name>",
        Binary: "(<left:Expr> <op:binop> <right:Expr>)",
        Unary: "<op:unop><arg:Expr>",
        If: "if <cond:Expr> <then:Block>< else |else:Expr?>",
        Call: "<callee:name>(<args:Expr*, >)",
      },
    ],
  },
});
