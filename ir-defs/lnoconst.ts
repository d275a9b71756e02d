// Lnoconst: Luniq with every `const` replaced by its value at each use.
import { extendIL } from "../il/define.js";
import { Luniq } from "./luniq.js";

export const Lnoconst = extendIL(Luniq, {
  name: "Lnoconst",
  purpose: "constants inlined: no const items remain",
  remove: ["Const"],
});
