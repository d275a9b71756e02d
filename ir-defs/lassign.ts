// Lassign: Lnomatch where every assignment is a plain `x = e` (or `p.x = e`, `a[i] = e`).
import { extendIL } from "../il/define.js";
import { Lnomatch } from "./lnomatch.js";

export const Lassign = extendIL(Lnomatch, {
  name: "Lassign",
  purpose: "compound assignments (x += e, a[i] *= e, ...) written out as x = x + e",
  add: {
    Stmt: {
      Assign: "<name:name> = <value:Expr>",
      SetField: "<name:name>.<path:field*.> = <value:Expr>",
      SetIndex: "<array:Expr>[<index:Expr>] = <value:Expr>",
    },
  },
});
