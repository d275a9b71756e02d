// Ltyped: Lsrc after type checking. Every `let` states its type, every `fn`
// its result type, every `return` its value, and calls of built-ins are
// resolved to primitive operations chosen by argument type: `print_int(x)`. A
// `Call` left is a call of the program's own function, by its name or by a
// variable holding it, and says so: `call f(x)` (a function may be named
// print_int too).
// Type aliases are gone (every type is written out), and so are method calls
// (`b.get()` and `b.set(v)` are the primitives get and set).
import { extendIL, terminal } from "../il/define.js";
import { Lsrc } from "./lsrc.js";

export const primitives = [
  "print_int", "print_bool", "print_string", "read_int", "exit", "assert", "panic",
  // Strings: `a + b`, `a == b`; `len` of a String or an Array.
  "concat", "string_eq", "len",
  // `array(n, init)`, `Box(v)`, `b.get()`, `b.set(v)`.
  "array", "box", "get", "set",
] as const;

export const Ltyped = extendIL(Lsrc, {
  name: "Ltyped",
  purpose: "types made explicit: every let and fn has its type, return has a value, built-in calls are typed primitives",
  terminals: { prim: terminal.oneOf("prim", primitives) },
  remove: ["TypeAlias", "MethodCall"],
  add: {
    Item: { Fn: "fn <name:name>(<params:Param*, >) -> <ret:type> <body:Block>" },
    Stmt: { Let: "<decl:decl> <name:name>: <type:type> = <init:Expr>", Return: "return <value:Expr>" },
    /** A call of one of the program's functions; a built-in's is a primitive. */
    Expr: { Call: "call <callee:name>(<args:Expr*, >)", Prim: "<op:prim>(<args:Expr*, >)" },
  },
});
