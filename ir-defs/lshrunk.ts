// Lshrunk: the small core that the back half of the compiler works on.
import { extendIL, terminal } from "../il/define.js";
import { binaryOperators } from "./lsrc.js";
import { primitives } from "./ltyped.js";
import { taskPrimitives } from "./ltasks.js";
import { Lclosed } from "./lclosed.js";

export const Lshrunk = extendIL(Lclosed, {
  name: "Lshrunk",
  purpose: "derived forms removed: && and || become if, assert becomes if and panic, every if has an else block",
  terminals: {
    binop: terminal.oneOf("binop", binaryOperators.filter((op) => op !== "&&" && op !== "||")),
    prim: terminal.oneOf("prim", [...primitives, ...taskPrimitives].filter((p) => p !== "assert")),
  },
  add: { Expr: { If: "if <cond:Expr> <then:Block> else <else:Block>" } },
});
