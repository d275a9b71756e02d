// Lnomatch: Lnotry without `match` and patterns: compile-match made each match
// a decision tree of ifs, lets and blocks, over two primitive operations on
// unions (spec/heap.md says how they become loads):
//
//   (v is List[Int]::Cons)               whether the union value v was made by Cons
//   (v as List[Int]::Cons).head          the field head of v, which Cons made
//
// A union's value is still made by its constructor, `List[Int]::Cons(1, xs)`.
import { extendIL } from "../il/define.js";
import { Lnotry } from "./lnotry.js";

export const Lnomatch = extendIL(Lnotry, {
  name: "Lnomatch",
  purpose: "match compiled to decision trees: ifs on constructor tests and literal comparisons, fields read by name",
  remove: ["Match", "Arm", "Pattern"],
  add: {
    Expr: {
      /** Whether `value` (of the union `type`) was made by the constructor `ctor`. */
      IsCtor: "(<value:Expr> is <type:type>::<ctor:name>)",
      /** The field `field` of `value`, which the constructor `ctor` of the union `type` made. */
      CtorField: "(<value:Expr> as <type:type>::<ctor:name>).<field:field>",
    },
  },
});
