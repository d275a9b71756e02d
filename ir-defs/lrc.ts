// Lrc: Lborrowed without its live sets, with every change of a reference
// count written out (spec/heap.md). `inc x` adds one to the count of the object x refers to; `dec x` takes one
// away, and frees the object when none is left (releasing, in turn, what it
// refers to). Every variable in a function's `refs` owns one reference while it
// is live: insert-refcounts puts an `inc` where a reference is copied and a
// `dec` where one dies.
import { extendIL } from "../il/define.js";
import { Lborrowed } from "./lborrowed.js";

export const Lrc = extendIL(Lborrowed, {
  name: "Lrc",
  purpose: "reference counting explicit: inc x where a reference is copied, dec x where one dies",
  add: {
    BasicBlock: { BasicBlock: "<label:label>:<stmts:CStmt*\n>  <tail:Tail>" }, // the live sets have served
    CStmt: { Inc: "inc <name:name>", Dec: "dec <name:name>" },
  },
});
