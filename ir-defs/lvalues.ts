// Lvalues: Lassign where records and tuples are only ever built whole. A field
// update `p.x = v` of a mut variable gives p a new value (brief, section 4), so
// desugar-field-update writes it as `p = Point { x: v, y: p.y }`.
import { extendIL } from "../il/define.js";
import { Lassign } from "./lassign.js";

export const Lvalues = extendIL(Lassign, {
  name: "Lvalues",
  purpose: "field updates written as a new record or tuple: p.x = v becomes p = Point { x: v, y: p.y }",
  remove: ["SetField"],
});
