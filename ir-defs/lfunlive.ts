// Lfunlive: Lfun where each block says which of its function's reference
// variables (its `refs`) are live when it starts: read later, on some path,
// before they are assigned again (uncover-live-references). insert-refcounts
// drops a reference where its variable stops being live.
import { extendIL } from "../il/define.js";
import { Lfun } from "./lfun.js";

export const Lfunlive = extendIL(Lfun, {
  name: "Lfunlive",
  purpose: "each block annotated with the reference variables live at its start",
  add: {
    BasicBlock: { BasicBlock: "<label:label>:< # live: |live:name*, ><stmts:CStmt*\n>  <tail:Tail>" },
  },
});
