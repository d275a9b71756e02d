// Lx86patched: x86-64 instructions that the processor can encode.
//
// The grammar is that of Lx86homes without the table of homes; what changes is what holds of every program,
// written below as invariants (each a sentence and a check). patch-instructions
// establishes them with the scratch registers %r11 (for a memory operand, or the
// address of a load or store whose base or index is in a slot) and %r10 (for a
// 64-bit immediate, or the value a load or store moves). A `movq` of any 64-bit immediate to a register
// is fine: GNU as encodes it as `movabsq`.
import { extendIL, type Invariant } from "../../il/define.js";
import type { AnyNode } from "../../il/node.js";
import { instructionsOf, memoryAccesses, operandsOf, shifts } from "./lx86var.js";
import { withoutHomes } from "../register-allocation.js";
import { Lx86homes } from "./lx86homes.js";

/** Operand forms that live in memory: a stack slot, an argument on the stack, or (in Lx86) an address. */
export const isMemory = (arg: { readonly kind: string }): boolean => arg.kind === "Slot" || arg.kind === "Mem" || arg.kind === "StackArg";

/** Whether an immediate fits the signed 32-bit field of most instructions. */
/** The instructions whose destination must be a register. */
export const registerWriters: ReadonlySet<string> = new Set(["Imulq", "Movzbq", "Leaq", "LeaFn", "LeaScaled", "Cmov"]);
export const fitsIn32 = (value: bigint): boolean => value >= -(1n << 31n) && value < 1n << 31n;

/** An invariant that each instruction must pass: `problem` says what is wrong, or null. */
function eachInstruction(says: string, problem: (instr: AnyNode) => [string, string] | null): Invariant {
  return {
    says,
    check(program) {
      for (const [instr, path] of instructionsOf(program)) {
        const p = problem(instr);
        if (p) return { path: `${path}${p[0] ? `.${p[0]}` : ""}`, message: p[1] };
      }
      return null;
    },
  };
}

/** How many operands of an instruction are in memory: a load, store or inc has its address besides. */
export const memoryOperandCount = (instr: AnyNode): number => operandsOf(instr).filter(([, a]) => isMemory(a)).length + (memoryAccesses.has(instr.kind) ? 1 : 0);

const oneMemoryOperand = eachInstruction("an instruction has at most one memory operand (a load's, store's or inc's address counts as one)", (instr) =>
  memoryOperandCount(instr) > 1 ? ["", `${instr.kind} has two memory operands`] : null,
);

const registerAddresses = eachInstruction("the base and index of a memory access or leaq are registers", (instr) => {
  if (!memoryAccesses.has(instr.kind) && instr.kind !== "LeaScaled") return null;
  for (const field of ["base", "index"]) {
    const arg = instr[field] as AnyNode | undefined;
    if (arg && arg.kind !== "Reg") return [field, `the ${field} of ${instr.kind} must be a register, not ${arg.kind}`];
  }
  return null;
});

const smallImmediates = eachInstruction("an immediate fits in a signed 32 bits, except the source of a movq to a register", (instr) => {
  for (const [field, arg] of operandsOf(instr)) {
    const movabs = instr.kind === "Movq" && field === "src" && (instr.dst as AnyNode).kind === "Reg";
    if (arg.kind === "Imm" && !movabs && !fitsIn32(arg.value as bigint)) return [field, `${arg.value} does not fit in 32 bits`];
  }
  return null;
});

const registerDestinations = eachInstruction("the destination of imulq, movzbq, leaq and cmov<cc> is a register", (instr) =>
  registerWriters.has(instr.kind) && (instr.dst as AnyNode).kind !== "Reg"
    ? ["dst", `${instr.kind} must write a register`]
    : null,
);

const noImmediateSources = eachInstruction("the source of idivq and cmov<cc> is a register or memory, not an immediate", (instr) =>
  (instr.kind === "Idivq" || instr.kind === "Cmov") && (instr.src as AnyNode).kind === "Imm" ? ["src", `${instr.kind} cannot take an immediate`] : null,
);

const immediateOnlyOnTheRight = eachInstruction("the second operand of cmpq (left) is not an immediate; no instruction writes one", (instr) => {
  if (instr.kind === "Cmpq" && (instr.left as AnyNode).kind === "Imm") return ["left", "cmpq cannot compare into an immediate"];
  if (instr.dst && (instr.dst as AnyNode).kind === "Imm") return ["dst", `${instr.kind} cannot write an immediate`];
  return null;
});

const shiftCounts = eachInstruction("a shift count is %cl or an immediate from 0 to 63", (instr) => {
  if (!shifts.has(instr.kind as string)) return null;
  const count = instr.count as AnyNode;
  const ok = count.kind === "Reg" ? count.name === "cl" : count.kind === "Imm" && (count.value as bigint) >= 0n && (count.value as bigint) < 64n;
  return ok ? null : ["count", "a shift count must be %cl or an immediate 0..63"];
});

export const Lx86patched = extendIL(Lx86homes, {
  ...withoutHomes,
  name: "Lx86patched",
  purpose: "every instruction is one the processor can encode",
  invariants: [oneMemoryOperand, registerAddresses, smallImmediates, registerDestinations, noImmediateSources, immediateOnlyOnTheRight, shiftCounts],
});
