// Ltyped: Lsrc after type checking. Every `let` states its type, every `fn`
// its result type, every `return` its value, and calls of built-ins are
// resolved to primitive operations chosen by argument type. A `Call` left is a
// call of the program's own function, by its name or by a variable holding it.
import { extendIL, terminal } from "../src/il/define.js";
import { Lsrc } from "./lsrc.js";

export const primitives = ["print_int", "print_bool", "read_int", "exit", "assert", "panic"] as const;

export const Ltyped = extendIL(Lsrc, {
  name: "Ltyped",
  purpose: "types made explicit: every let and fn has its type, return has a value, built-in calls are typed primitives",
  terminals: { prim: terminal.oneOf("prim", primitives) },
  add: {
    Item: { Fn: "fn <name:name>(<params:Param*, >) -> <ret:type> <body:Block>" },
    Stmt: { Let: "<decl:decl> <name:name>: <type:type> = <init:Expr>", Return: "return <value:Expr>" },
    Expr: { Prim: "<op:prim>(<args:Expr*, >)" },
  },
});
