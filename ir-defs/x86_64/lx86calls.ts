// Lx86calls and Lx86select: Lx86var with calls, parameters and returns (and, in
// Lx86select, / and %) still pseudo-instructions, as select-instructions leaves
// them (ir-defs/pseudo-instructions.ts): lower-division and lower-calls, on
// the way to Lx86var, follow System V and make idivq safe.
import { callsIL, divideIL } from "../pseudo-instructions.js";
import { Lx86var } from "./lx86var.js";

export const Lx86calls = callsIL(Lx86var, "Lx86calls", "x86-64", "System V", "$");
export const Lx86select = divideIL(Lx86calls, "Lx86select", "x86-64");
