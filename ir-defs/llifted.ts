// Llifted: Lcaptures where every function is an item of the program
// (lift-functions). An anonymous function is now `fn main_fn1[k.5: Int](x.4:
// Int) -> Int { ... }`, an item that takes what it captured (`[k.5: Int]`)
// before its parameters; where it was, `closure main_fn1(k.2)` makes the
// function value: main_fn1 with its captures given, k.5 getting the value of
// k.2. A call through a function value gives the closure's captured values
// first, then the arguments. A fn item used as a value is a closure that
// captures nothing.
import { extendIL } from "../il/define.js";
import { Lcaptures } from "./lcaptures.js";

export const Llifted = extendIL(Lcaptures, {
  name: "Llifted",
  purpose: "functions lifted: each anonymous fn is an item taking its captures first; where it was, a closure names it with the captured values",
  remove: ["Lambda", "Capture"],
  add: {
    Item: { LiftedFn: "fn <name:name>[<captures:Param*, >](<params:Param*, >) -> <ret:type> <body:Block>" },
    /** The function value `code` with its captures given these values, evaluated left to right. */
    Expr: { Closure: "closure <code:name>(<captures:Expr*, >)" },
  },
});
