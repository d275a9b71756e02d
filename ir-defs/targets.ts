// The machines qnano compiles for. The pipeline splits per target at
// instruction selection; each target's ILs, registers and calling convention
// live in ir-defs/<target>/.
import { machine as aarch64 } from "./aarch64/machine.js";
import { machine as x86_64 } from "./x86_64/machine.js";

export type Target = "x86_64" | "aarch64";

export const targets: readonly Target[] = ["x86_64", "aarch64"];

/** How many arguments a call passes in registers on every target (six on x86-64,
 * eight on AArch64). A tail call may take no more (mark-tail-calls): the rest
 * would be passed on the stack, in the frame that the tail call gives up. */
export const registerArguments = Math.min(x86_64.argumentRegisters.length, aarch64.argumentRegisters.length);
