// Llayout: Ldata with closures laid out in memory (lay-out-closures, spec/heap.md).
// A closure is a fields object too: `new(main_fn1, k.2) refs 00` holds the
// function main_fn1 (its code's address, no reference) and what it captured;
// its code reads them at offsets 24, 32, ... A closure that captures nothing is
// `static closure f`, an object made once, in the program's data, as a string
// literal is. A call through a closure loads its code first: `call code.9(c.8,
// x.4)` where code.9 = *(c.8 + 16): fn(Ref, Int) -> Int. A function value is a
// `Ref` like any other object's; a type `fn(...) -> R` is now a function's code,
// which is no object.
//
// `spawn(s, f)` (Ltasks) becomes `spawn(s, code, c)`, as the runtime's qn_spawn
// takes it: the closure c's code, loaded like a call's, and c itself, which the
// code takes as its one parameter (its closure); c's reference moves to the task.
import { extendIL } from "../il/define.js";
import { Ldata } from "./ldata.js";

export { elementOperandsAreAtoms } from "./ldata.js";

export const Llayout = extendIL(Ldata, {
  name: "Llayout",
  purpose: "closures laid out: a closure is a fields object of its code and captured values, a call through it loads its code",
  remove: ["Closure", "Captured", "CallCode"],
  add: {
    /** The closure of the function `code` that captures nothing: a static object, never freed (spec/heap.md). */
    Expr: { StaticClosure: "static closure <code:name>" },
  },
});
