// Lclosed: Llifted with flat closures (convert-closures, spec/heap.md). A
// function value is one object, the closure: `closure main_fn1(k.2)` holds the
// function main_fn1 (its code) and the values it captured. The function takes
// the closure itself first, its environment, and reads what it captured from
// it: `captured(env.7, 0): Int`. A call through a function value passes the
// closure: `call code(f.3)(f.3, x.4)` calls the code of the closure f.3 with
// f.3 and x.4. A `call` that names its callee calls a fn item, directly. A fn
// item used as a value is the closure of a small function that takes a closure
// and calls the item; a closure that captures nothing is a static object
// (lay-out-closures), made once.
import { extendIL } from "../il/define.js";
import { Llifted } from "./llifted.js";

export const Lclosed = extendIL(Llifted, {
  name: "Lclosed",
  purpose: "closures explicit: a closure holds its code and captured values; its code takes it first and reads them from it, and a call through it passes it",
  remove: ["LiftedFn", "Apply"],
  add: {
    Expr: {
      /** The `index`-th value the closure `env` captured, of type `type`. */
      Captured: "captured(<env:name>, <index:int>): <type:type>",
      /** A call of the code of the closure `closure`, with the arguments as given (the closure first). */
      CallCode: "call code(<closure:name>)(<args:Expr*, >)",
    },
  },
});
