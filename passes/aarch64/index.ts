// The aarch64 back end, in order: from Lalloc to assembly text.
import { machine } from "../../ir-defs/aarch64/machine.js";
import { La64 } from "../../ir-defs/aarch64/la64.js";
import { La64coloured, La64costs, La64graph, La64homes, La64live } from "../../ir-defs/aarch64/la64homes.js";
import { La64var } from "../../ir-defs/aarch64/la64var.js";
import type { Pass } from "../../il/pass.js";
import { allocateRegisters } from "../allocate-registers.js";
import { assignHomes } from "../assign-homes.js";
import { buildInterference } from "../build-interference.js";
import { chooseSpillCandidates } from "../choose-spill-candidates.js";
import { removeJumps } from "../remove-jumps.js";
import { uncoverLive } from "../uncover-live.js";
import { useConditionalMoves } from "../use-conditional-moves.js";
import { dropDivisionChecks } from "../drop-division-checks.js";
import { divisionByZero } from "../../ir-defs/runtime-routines.js";
import type { AnyNode } from "../../il/node.js";
import { addPreludeAndConclusion } from "./add-prelude-and-conclusion.js";
import { emitAsm } from "./emit-asm.js";
import { lowerCalls } from "./lower-calls.js";
import { lowerDivision } from "./lower-division.js";
import { dropLeafFrames, type FrameShape } from "../drop-leaf-frames.js";
import { shrinkWrapFrames } from "../shrink-wrap-frames.js";
import { calleeSaved } from "../../ir-defs/aarch64/machine.js";
import { hoistImmediates, type NeedsRegister } from "../hoist-immediates.js";
import { fitsArithmetic, fitsLogical, fitsShift } from "../../ir-defs/aarch64/operand-rules.js";
import { lowerMemory } from "./lower-memory.js";
import { fuseMultiplyAdd } from "./fuse-multiply-add.js";
import { patchInstructions } from "./patch-instructions.js";
import { selectInstructions } from "./select-instructions.js";

/** A frame with no room and nothing saved (add-prelude-and-conclusion), and what needs one. */
const frame: FrameShape = {
  prelude: ["Stp", "Mov", "Adrp", "LdrLo12", "Cmp", "BCond"],
  conclusion: ["Mov", "Ldp"],
  frameRegisters: new Set(["x29", "x30", "sp"]),
  needFrame: new Set(["Bl", "Blr", "Br", "Stp", "Ldp"]),
};
export const dropLeafFramesA64 = dropLeafFrames(La64, frame);

/** Where the frame may wait (x9-x15: the prelude uses x16 and x17 only). */
export const shrinkWrapFramesA64 = shrinkWrapFrames(La64, {
  ...frame,
  calleeSaved: new Set(calleeSaved),
  scratch: ["x15", "x14", "x13", "x12", "x11", "x10", "x9"],
  jump: "B",
  ret: "Ret",
  move: (dst, src) => ({ kind: "Mov", dst: { kind: "Reg", name: dst }, src: { kind: "Reg", name: src } }),
});

/** What AArch64 cannot encode (ir-defs/aarch64/operand-rules.ts): any immediate on the left, or
 * stored, or multiplied; on the right, add, sub and cmp take 0..4095, and, orr and eor a bitmask, shifts 0..63. */
export const needsRegister: NeedsRegister = (op, side, value) => {
  if (side === "left" || op === "store" || op === "*") return true;
  if (op === "&" || op === "|" || op === "^") return !fitsLogical(value);
  if (op === "<<" || op === ">>") return !fitsShift(value);
  return !fitsArithmetic(value); // + - and the comparisons
};
export const hoistImmediatesA64 = hoistImmediates(needsRegister);

/** Branches to csel: arms of at most 6 instructions of arithmetic (sdiv stays behind its check's branch). */
export const useConditionalMovesA64 = useConditionalMoves(La64var, {
  machine,
  arithmetic: new Set(["Mov", "Add", "Sub", "Mul", "And", "Orr", "Eor", "Lsl", "Asr", "Lsr", "Neg", "Mvn", "AddScaled"]),
  compare: "Cmp",
  maxArm: 6,
  move: (src, dst) => ({ kind: "Mov", src, dst }),
  condition: (branch) => branch.cond as string,
  select: (cond, yes, no, dst) => [{ kind: "Csel", dst, yes, no: no ?? dst, cond }],
});

/** The zero check lower-division writes, `cbz b, qn_division_by_zero` (sdiv never traps: no other guard). */
const arithmetic = { Mov: "mov", And: "and", Add: "add", Orr: "or" } as const;
export const dropDivisionChecksA64 = dropDivisionChecks(La64var, {
  machine,
  arithmetic(instr) {
    const op = arithmetic[instr.kind as keyof typeof arithmetic];
    const [dst, k] = [instr.dst as AnyNode, (op === "mov" ? instr.src : instr.right) as AnyNode];
    if (!op || dst.kind !== "Var") return null;
    return { dst: dst.name as string, op, x: op === "mov" ? k : (instr.left as AnyNode), k: op !== "mov" && k.kind === "Imm" ? (k.value as bigint) : null };
  },
  zeroCheck: (instrs, i) => (instrs[i]?.kind === "Cbz" && instrs[i]!.target === divisionByZero ? { divisor: instrs[i]!.src as AnyNode, length: 1 } : null),
  minusOneGuard: () => null,
});

export const aarch64Passes: readonly Pass[] = [
  hoistImmediatesA64,
  selectInstructions,
  lowerDivision,
  lowerMemory,
  lowerCalls,
  dropDivisionChecksA64,
  useConditionalMovesA64,
  fuseMultiplyAdd,
  uncoverLive(La64var, La64live, machine), // the five shared passes of register allocation,
  buildInterference(La64live, La64graph, machine), // between this target's ILs
  chooseSpillCandidates(La64graph, La64costs, machine),
  allocateRegisters(La64costs, La64coloured, machine),
  assignHomes(La64coloured, La64homes),
  patchInstructions,
  addPreludeAndConclusion,
  dropLeafFramesA64,
  shrinkWrapFramesA64,
  removeJumps(La64, machine),
  emitAsm,
];
