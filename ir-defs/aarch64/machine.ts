// What the register allocator knows of AArch64 (AAPCS64): which registers it
// may hand out, which a call changes, and what each instruction of La64var reads
// and writes. Kept out: x9, x10 and x11 (patch-instructions' scratch), x16 and x17
// (the linker may use them between a call and its target), x18 (the platform
// register), x29 and x30 (frame pointer, return address) and sp.
import { placesOf, registerKey, type RegisterMachine } from "../register-allocation.js";
import { runtimeArguments } from "../runtime-routines.js";
import { mainConclusion } from "./la64var.js";

const key = placesOf;
const opposite: Readonly<Record<string, string>> = { eq: "ne", ne: "eq", lt: "ge", ge: "lt", le: "gt", gt: "le" };
const x = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `x${from + i}`);

export const callerSaved = [...x(0, 18), "x30"];
export const calleeSaved = x(19, 28);
const argumentRegisters = x(0, 7);
const clobbered = callerSaved.map(registerKey);

/** `op dst, left, right`. */
const threeOperand = new Set(["Add", "Sub", "Mul", "Sdiv", "And", "Orr", "Eor", "Lsl", "Asr"]);

export const machine: RegisterMachine = {
  // Caller-saved first (free to use), then callee-saved (saved by the prelude when used).
  allocatable: [...x(12, 15), ...x(1, 8), "x0", ...calleeSaved],
  callerSaved: new Set(callerSaved),
  argumentRegisters,
  resultRegister: "x0",
  conclusion: mainConclusion,
  uses(i) {
    if (threeOperand.has(i.kind)) return { reads: [...key(i.left), ...key(i.right)], writes: key(i.dst) };
    switch (i.kind) {
      case "Mov": case "Neg": case "Mvn": case "AddLo12": return { reads: key(i.src), writes: key(i.dst) };
      case "Msub": return { reads: [...key(i.left), ...key(i.right), ...key(i.from)], writes: key(i.dst) };
      case "Cbz": return { reads: key(i.src), writes: [] };
      case "Cmp": return { reads: [...key(i.left), ...key(i.right)], writes: [] };
      case "Cset": case "Adrp": return { reads: [], writes: key(i.dst) };
      case "Bl": {
        const count = runtimeArguments[i.target as string];
        if (count === undefined) throw new Error(`bl ${String(i.target)}: not a routine of the runtime`);
        return { reads: argumentRegisters.slice(0, count).map(registerKey), writes: clobbered };
      }
      case "B": case "BCond": return { reads: [], writes: [] };
    }
    throw new Error(`aarch64 machine.uses: no entry for ${i.kind}`);
  },
  kinds: { move: "Mov", jump: "B", branches: ["BCond", "Cbz"] },
  invert: (branch, target) => (branch.kind === "BCond" ? { kind: "BCond", cond: opposite[branch.cond as string], target } : null),
};
