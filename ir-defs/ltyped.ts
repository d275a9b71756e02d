// Ltyped: Lsrc after type checking. Every `let` states its type, and calls of
// built-ins are resolved to primitive operations chosen by argument type.
import { extendIL, terminal } from "../src/il/define.js";
import { Lsrc } from "./lsrc.js";

export const primitives = ["print_int", "print_bool", "read_int", "exit", "assert", "panic"] as const;

export const Ltyped = extendIL(Lsrc, {
  name: "Ltyped",
  purpose: "types made explicit: every let has its type, built-in calls are typed primitives",
  terminals: { prim: terminal.oneOf("prim", primitives) },
  remove: ["Call"],
  add: {
    Stmt: { Let: "<decl:decl> <name:name>: <type:type> = <init:Expr>" },
    Expr: { Prim: "<op:prim>(<args:Expr*, >)" },
  },
});
