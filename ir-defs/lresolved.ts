// Lresolved: Lnoconst without methods. resolve-methods made each method an
// ordinary function named by its type and itself (spec/symbols.md):
// `Point.norm1`, `Stack[Int].push`; a method call is a call of it with the
// receiver first: `call Point.norm1(p.1)`. Nothing is dispatched at run time:
// monomorphize already made every receiver's type concrete.
import { extendIL } from "../il/define.js";
import { Lnoconst } from "./lnoconst.js";
import { methodNames } from "./names.js";

export const Lresolved = extendIL(Lnoconst, {
  name: "Lresolved",
  purpose: "methods resolved: each method a function named by its type (Point.norm1), each method call a call of it",
  terminals: { name: methodNames },
  remove: ["Method", "MethodCall"],
});
