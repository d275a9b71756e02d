// Lalloc: Lreleased where making an object is a call of the runtime's allocator with
// the object's size and info word (spec/heap.md), followed by stores of its
// fields. `alloc(32, 0x20201)` is a fields object of two fields, the second a
// reference; `alloc_array(n, x, 0x102)` an array of n copies of x.
import { extendIL } from "../il/define.js";
import { Lreleased } from "./lreleased.js";

export const Lalloc = extendIL(Lreleased, {
  name: "Lalloc",
  purpose: "allocation explicit: alloc(bytes, info) then a store per field; alloc_array for arrays",
  remove: ["New", "NewArray"],
  add: {
    CExpr: {
      /** A new object of `bytes` bytes: rc 1, its info word set, the rest to be stored. */
      Alloc: "alloc(<bytes:int>, <info:int>)",
      /** A new array of `length` copies of `init`; the runtime adds `length` references to init when it is one. */
      AllocArray: "alloc_array(<length:Atom>, <init:Atom>, <info:int>)",
    },
  },
});
