// What AArch64 can encode, written once: which operands of each instruction
// may be an immediate (and in which range), which must be a register, and which
// is a memory address. The invariants of La64patched and La64 check programs
// against this table, and patch-instructions uses the same predicates, so the
// pass and the IL it promises cannot disagree.
import type { AnyNode } from "../../il/node.js";

/** add, sub and cmp take an unsigned 12-bit immediate. */
export const fitsArithmetic = (v: bigint): boolean => v >= 0n && v <= 4095n;
/** mov takes a 16-bit immediate (wider constants are built with movz/movk). */
export const fitsMove = (v: bigint): boolean => v >= 0n && v <= 65535n;
/** lsl and asr take a shift amount 0..63. */
export const fitsShift = (v: bigint): boolean => v >= 0n && v <= 63n;
/**
 * and, orr and eor take a "bitmask immediate": a 2, 4, 8, 16, 32 or 64-bit
 * element repeated to fill 64 bits, where the element is a run of ones rotated
 * (so going round it, the bits change exactly twice). 0 and -1 are not encodable.
 */
export function fitsLogical(v: bigint): boolean {
  const x = BigInt.asUintN(64, v);
  if (x === 0n || x === BigInt.asUintN(64, -1n)) return false;
  for (let size = 2n; size <= 64n; size *= 2n) {
    const element = x & ((1n << size) - 1n);
    let repeated = 0n;
    for (let at = 0n; at < 64n; at += size) repeated |= element << at;
    if (repeated !== x) continue;
    const rotated = (element >> 1n) | ((element & 1n) << (size - 1n));
    return (element ^ rotated).toString(2).replace(/0/g, "").length === 2;
  }
  return false;
}
/** ldr and str with an unsigned offset: a multiple of 8 in 0..32760. */
export const fitsLoadOffset = (v: bigint): boolean => v >= 0n && v <= 32760n && v % 8n === 0n;

/** An operand must be a register, a memory address, or a register or an immediate that passes the test. */
type Allowed = "register" | "memory" | ((value: bigint) => boolean);

const three = (right: Allowed): Record<string, Allowed> => ({ dst: "register", left: "register", right });

export const operandRules: Readonly<Record<string, Readonly<Record<string, Allowed>>>> = {
  Mov: { dst: "register", src: fitsMove },
  Add: three(fitsArithmetic),
  Sub: three(fitsArithmetic),
  Mul: three("register"),
  Sdiv: three("register"),
  Msub: { dst: "register", left: "register", right: "register", from: "register" },
  Madd: { dst: "register", left: "register", right: "register", from: "register" },
  And: three(fitsLogical),
  Orr: three(fitsLogical),
  Eor: three(fitsLogical),
  Lsl: three(fitsShift),
  Asr: three(fitsShift),
  Lsr: three(fitsShift),
  Neg: { dst: "register", src: "register" },
  Mvn: { dst: "register", src: "register" },
  Cmp: { left: "register", right: fitsArithmetic },
  Cset: { dst: "register" },
  Csel: { dst: "register", yes: "register", no: "register" },
  Cbz: { src: "register" },
  Adrp: { dst: "register" },
  AddLo12: { dst: "register", src: "register" },
  AdrpFn: { dst: "register" },
  AddLo12Fn: { dst: "register", src: "register" },
  Blr: { callee: "register" },
  TailCallIndirect: { callee: "register" },
  Br: { target: "register" },
  Load: { dst: "register", base: "register" },
  Store: { src: "register", base: "register" },
  LoadByte: { dst: "register", base: "register" },
  StoreByte: { src: "register", base: "register" },
  AddScaled: three("register"),
  Ldr: { dst: "register", src: "memory" },
  Str: { src: "register", dst: "memory" },
  Movz: { dst: "register" },
  Movk: { dst: "register" },
  Stp: { first: "register", second: "register" },
  LdrLo12: { dst: "register" },
  Ldp: { first: "register", second: "register" },
  StpAt: { first: "register", second: "register", dst: "memory" },
  LdpAt: { first: "register", second: "register", src: "memory" },
};

type Broken = { path: string; message: string } | null;

/** Visits every instruction of a program (blocks of `instrs`). */
export function findInstr(program: unknown, bad: (instr: AnyNode) => string | null): Broken {
  const blocks = (program as { blocks: readonly { instrs: readonly AnyNode[] }[] }).blocks;
  for (const [b, block] of blocks.entries()) {
    for (const [i, instr] of block.instrs.entries()) {
      // In La64live each instruction is wrapped with its live set.
      const live = instr.kind === "Live";
      const message = bad(live ? (instr.instr as AnyNode) : instr);
      if (message !== null) return { path: `blocks[${b}].instrs[${i}]${live ? ".instr" : ""}`, message };
    }
  }
  return null;
}

/** Where `instr` breaks the table, given the kinds of node that are memory
 * addresses in this IL (a `Slot` and the stack arguments, or `Mem`); `which`
 * selects memory or non-memory operands. */
export function badOperand(instr: AnyNode, memoryKinds: readonly string[], which: "memory" | "other"): string | null {
  const memoryKind = memoryKinds.join(" or ");
  const rules = operandRules[instr.kind] ?? {};
  for (const [field, value] of Object.entries(instr)) {
    const arg = value as AnyNode;
    if (typeof arg !== "object" || arg === null || typeof arg.kind !== "string") continue;
    const allowed = rules[field];
    const isMemory = memoryKinds.includes(arg.kind);
    if (which === "memory") {
      if (isMemory && allowed !== "memory") return `${instr.kind} may not address memory (${field})`;
      if (!isMemory && allowed === "memory") return `${instr.kind}.${field} must be a ${memoryKind}, not ${arg.kind}`;
      continue;
    }
    if (isMemory || allowed === "memory") continue;
    if (arg.kind === "Reg") continue;
    if (arg.kind === "Imm" && typeof allowed === "function" && allowed(arg.value as bigint)) continue;
    const imm = arg.kind === "Imm" ? ` #${arg.value as bigint}` : ` ${arg.kind}`;
    return `${instr.kind}.${field} must be a register${typeof allowed === "function" ? " or an encodable immediate" : ""}, not${imm}`;
  }
  return null;
}

/** movz/movk place a 16-bit value at bit 0, 16, 32 or 48. */
export function badWideMove(instr: AnyNode): string | null {
  if (instr.kind !== "Movz" && instr.kind !== "Movk") return null;
  const value = instr.value as number;
  const shift = instr.shift as number;
  if (value > 0xffff) return `${instr.kind} value ${value} does not fit in 16 bits`;
  if (![0, 16, 32, 48].includes(shift)) return `${instr.kind} shift ${shift} is not 0, 16, 32 or 48`;
  return null;
}
