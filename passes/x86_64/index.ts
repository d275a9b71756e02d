// The x86_64 back end, in order: from Lalloc to assembly text.
import { machine } from "../../ir-defs/x86_64/machine.js";
import { Lx86 } from "../../ir-defs/x86_64/lx86.js";
import { Lx86coloured, Lx86costs, Lx86graph, Lx86homes, Lx86live } from "../../ir-defs/x86_64/lx86homes.js";
import { Lx86var } from "../../ir-defs/x86_64/lx86var.js";
import type { Pass } from "../../il/pass.js";
import type { AnyNode } from "../../il/node.js";
import { allocateRegisters } from "../allocate-registers.js";
import { assignHomes } from "../assign-homes.js";
import { buildInterference } from "../build-interference.js";
import { chooseSpillCandidates } from "../choose-spill-candidates.js";
import { removeJumps } from "../remove-jumps.js";
import { dropLeafFrames, type FrameShape } from "../drop-leaf-frames.js";
import { shrinkWrapFrames } from "../shrink-wrap-frames.js";
import { calleeSaved } from "../../ir-defs/x86_64/machine.js";
import { hoistImmediates, type NeedsRegister } from "../hoist-immediates.js";
import { fitsIn32 } from "../../ir-defs/x86_64/lx86patched.js";
import { uncoverLive } from "../uncover-live.js";
import { useConditionalMoves } from "../use-conditional-moves.js";
import { dropDivisionChecks } from "../drop-division-checks.js";
import { divisionByZero } from "../../ir-defs/runtime-routines.js";
import { addPreludeAndConclusion } from "./add-prelude-and-conclusion.js";
import { dropZeroCompares } from "./drop-zero-compares.js";
import { emitAsm } from "./emit-asm.js";
import { lowerCalls } from "./lower-calls.js";
import { lowerDivision } from "./lower-division.js";
import { imm, reg, sameArg } from "./instructions.js";
import { patchInstructions } from "./patch-instructions.js";
import { selectInstructions } from "./select-instructions.js";

/** A frame with no room and nothing saved (add-prelude-and-conclusion), and what needs one. */
const frame: FrameShape = {
  prelude: ["Pushq", "Movq", "CheckStack", "JmpIf"],
  conclusion: ["Movq", "Popq"],
  frameRegisters: new Set(["rbp", "rsp"]),
  needFrame: new Set(["Callq", "CallqIndirect", "JmpIndirect", "Pushq", "Popq"]),
};
export const dropLeafFramesX86 = dropLeafFrames(Lx86, frame);

/** Where the frame may wait (r8-r11: no instruction uses them without naming them; the prelude uses none). */
export const shrinkWrapFramesX86 = shrinkWrapFrames(Lx86, {
  ...frame,
  calleeSaved: new Set(calleeSaved),
  scratch: ["r11", "r10", "r9", "r8"],
  jump: "Jmp",
  ret: "Retq",
  move: (dst, src) => ({ kind: "Movq", src: { kind: "Reg", name: src }, dst: { kind: "Reg", name: dst } }),
});

/** Branches to conditional moves: arms of at most 6 instructions of arithmetic (idivq traps; the shifts by %cl name a register, which an arm may not). */
export const useConditionalMovesX86 = useConditionalMoves(Lx86var, {
  machine,
  arithmetic: new Set(["Movq", "Addq", "Subq", "Imulq", "Andq", "Orq", "Xorq", "Negq", "Notq", "Salq", "Sarq", "Shrq", "LeaScaled"]),
  compare: "Cmpq",
  maxArm: 6,
  move: (src, dst) => ({ kind: "Movq", src, dst }),
  condition: (branch) => branch.cc as string,
  select: (cc, yes, no, dst) => [...(no ? [{ kind: "Movq", src: no, dst }] : []), { kind: "Cmov", cc, src: yes, dst }], // (movq leaves the flags alone)
});

/** The guards lower-division writes: `cmpq $0, b; je qn_division_by_zero`, and against -1
 * `[movq %rax, n; negq n;] movq $1, d; cmpq $-1, b; cmovne b, d[; cmove n, %rax]` (n: a quotient's negated dividend). */
const is = (a: AnyNode | undefined, kind: string, fields: Record<string, unknown> = {}): a is AnyNode =>
  a?.kind === kind && Object.entries(fields).every(([k, v]) => (typeof v === "object" ? typeof a[k] === "object" && sameArg(a[k] as AnyNode, v as AnyNode) : a[k] === v));
const arithmetic = { Movq: "mov", Andq: "and", Addq: "add", Orq: "or" } as const;
export const dropDivisionChecksX86 = dropDivisionChecks(Lx86var, {
  machine,
  arithmetic(instr) {
    const op = arithmetic[instr.kind as keyof typeof arithmetic];
    const [dst, src] = [instr.dst as AnyNode, instr.src as AnyNode];
    if (!op || dst.kind !== "Var") return null;
    return { dst: dst.name as string, op, x: op === "mov" ? src : dst, k: src.kind === "Imm" ? (src.value as bigint) : null };
  },
  zeroCheck: (instrs, i) => (is(instrs[i], "Cmpq", { right: imm(0n) }) && is(instrs[i + 1], "JmpIf", { cc: "e", target: divisionByZero }) ? { divisor: instrs[i]!.left as AnyNode, length: 2 } : null),
  minusOneGuard(instrs, i) {
    const negated = is(instrs[i], "Movq", { src: reg("rax") }) && is(instrs[i + 1], "Negq", { dst: instrs[i]!.dst });
    const at = negated ? i + 2 : i;
    const [one, compare, pick] = [instrs[at], instrs[at + 1], instrs[at + 2]];
    if (!is(one, "Movq", { src: imm(1n) }) || !is(compare, "Cmpq", { right: imm(-1n) }) || !is(pick, "Cmov", { cc: "ne", src: compare.left, dst: one.dst })) return null;
    const dividend = negated && is(instrs[at + 3], "Cmov", { cc: "e", src: instrs[i]!.dst, dst: reg("rax") });
    if (negated !== dividend) return null;
    return { divisor: compare.left as AnyNode, length: at + 3 - i + (dividend ? 1 : 0), instead: [{ kind: "Movq", src: compare.left, dst: one.dst, ...(pick.loc ? { loc: pick.loc } : {}) }] };
  },
});

const comparisons: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">="]);

/** What x86-64 cannot encode: an immediate beyond 32 bits, or on the left of cmpq. */
export const needsRegister: NeedsRegister = (op, side, value) => (side === "left" && comparisons.has(op)) || !fitsIn32(value);
export const hoistImmediatesX86 = hoistImmediates(needsRegister);

export const x86_64Passes: readonly Pass[] = [
  hoistImmediatesX86,
  selectInstructions,
  lowerDivision,
  lowerCalls,
  dropDivisionChecksX86,
  useConditionalMovesX86,
  uncoverLive(Lx86var, Lx86live, machine), // the five shared passes of register allocation,
  buildInterference(Lx86live, Lx86graph, machine), // between this target's ILs
  chooseSpillCandidates(Lx86graph, Lx86costs, machine),
  allocateRegisters(Lx86costs, Lx86coloured, machine),
  assignHomes(Lx86coloured, Lx86homes),
  patchInstructions,
  addPreludeAndConclusion,
  dropLeafFramesX86,
  shrinkWrapFramesX86,
  dropZeroCompares,
  removeJumps(Lx86, machine),
  emitAsm,
];
