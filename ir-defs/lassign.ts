// Lassign: Lnoconst where every assignment is a plain `x = e`.
import { extendIL } from "../src/il/define.js";
import { Lnoconst } from "./lnoconst.js";

export const Lassign = extendIL(Lnoconst, {
  name: "Lassign",
  purpose: "compound assignments (x += e, ...) written out as x = x + e",
  add: { Stmt: { Assign: "<name:name> = <value:Expr>" } },
});
