// Lreleased: Lguarded with each `dec` written out (expand-decrements): the
// count is a word like any other, read, compared and stored again in place
// (`*(x + 0): Int`), and only the last reference goes to the runtime:
// `release x` frees the object x refers to, whose count is 1, and releases
// in turn what it refers to (the runtime's qn_release). An object still
// shared is never released: the interpreter checks the count.
import { extendIL } from "../il/define.js";
import { Lguarded } from "./lguarded.js";

export const Lreleased = extendIL(Lguarded, {
  name: "Lreleased",
  purpose: "dec written out: the count read, tested and stored in place; release x only of the last reference",
  remove: ["Dec"],
  add: {
    /** Frees x's object, whose count is 1, and releases what it refers to. */
    CStmt: { Release: "release <name:name>" },
  },
});
