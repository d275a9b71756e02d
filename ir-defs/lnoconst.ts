// Lnoconst: Lmono with every `const` replaced by its value at each use.
import { extendIL } from "../il/define.js";
import { Lmono } from "./lmono.js";

export const Lnoconst = extendIL(Lmono, {
  name: "Lnoconst",
  purpose: "constants inlined: no const items remain",
  remove: ["Const"],
});
