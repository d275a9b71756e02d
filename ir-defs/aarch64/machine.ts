// What the register allocator knows of AArch64 (AAPCS64): which registers it
// may hand out, which a call changes, and what each instruction of La64var reads
// and writes. Kept out: x9, x10 and x11 (patch-instructions' scratch), x16 and x17
// (the linker may use them between a call and its target), x18 (the platform
// register), x29 and x30 (frame pointer, return address) and sp.
import type { AnyNode } from "../../il/node.js";
import { placesOf, registerKey, type RegisterMachine } from "../register-allocation.js";
import { runtimeArguments } from "../runtime-routines.js";

const key = placesOf;
const opposite: Readonly<Record<string, string>> = { eq: "ne", ne: "eq", lt: "ge", ge: "lt", le: "gt", gt: "le", lo: "hs", hs: "lo", ls: "hi", hi: "ls" };
const x = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `x${from + i}`);

export const callerSaved = [...x(0, 18), "x30"];
export const calleeSaved = x(19, 28);
const argumentRegisters = x(0, 7);
const clobbered = callerSaved.map(registerKey);

/** `op dst, left, right`. */
const threeOperand = new Set(["Add", "AddScaled", "Sub", "Mul", "Sdiv", "And", "Orr", "Eor", "Lsl", "Asr", "Lsr"]);

export const machine: RegisterMachine = {
  // Caller-saved first (free to use), then callee-saved (saved by the prelude when used).
  allocatable: [...x(12, 15), ...x(1, 8), "x0", ...calleeSaved],
  callerSaved: new Set(callerSaved),
  argumentRegisters,
  resultRegister: "x0",
  uses(i) {
    if (threeOperand.has(i.kind)) return { reads: [...key(i.left), ...key(i.right)], writes: key(i.dst) };
    switch (i.kind) {
      case "Mov": case "Neg": case "Mvn": case "AddLo12": return { reads: key(i.src), writes: key(i.dst) };
      case "Msub": case "Madd": return { reads: [...key(i.left), ...key(i.right), ...key(i.from)], writes: key(i.dst) };
      case "Cbz": return { reads: key(i.src), writes: [] };
      case "Cmp": return { reads: [...key(i.left), ...key(i.right)], writes: [] };
      case "Csel": return { reads: [...key(i.yes), ...key(i.no)], writes: key(i.dst) };
      case "Cset": case "Adrp": case "AdrpFn": return { reads: [], writes: key(i.dst) };
      case "AddLo12Fn": return { reads: key(i.src), writes: key(i.dst) };
      // A call reads the argument registers it lists (for the runtime's routines,
      // exactly as many as the routine takes) and clobbers every caller-saved one.
      case "Bl": {
        const count = runtimeArguments[i.target as string];
        const args = (i.args as AnyNode[]).flatMap((a) => key(a));
        if (count !== undefined && args.join() !== argumentRegisters.slice(0, count).map(registerKey).join()) throw new Error(`bl ${String(i.target)} must list ${count} argument register(s)`);
        return { reads: args, writes: clobbered };
      }
      // A tail call reads its arguments (and callee) and leaves: it writes nothing the function sees.
      case "TailCall": return { reads: (i.args as AnyNode[]).flatMap((a) => key(a)), writes: [] };
      case "TailCallIndirect": return { reads: [...key(i.callee), ...(i.args as AnyNode[]).flatMap((a) => key(a))], writes: [] };
      case "Blr": return { reads: [...key(i.callee), ...(i.args as AnyNode[]).flatMap((a) => key(a))], writes: clobbered };
      case "B": case "BCond": return { reads: [], writes: [] };
      case "Load": return { reads: key(i.base), writes: key(i.dst) };
      case "Store": case "StoreByte": return { reads: [...key(i.src), ...key(i.base)], writes: [] };
      case "LoadByte": return { reads: key(i.base), writes: key(i.dst) };
    }
    throw new Error(`aarch64 machine.uses: no entry for ${i.kind}`);
  },
  kinds: { move: "Mov", jump: "B", branches: ["BCond", "Cbz"], exits: ["TailCall", "TailCallIndirect"] },
  invert: (branch, target) => (branch.kind === "BCond" && opposite[branch.cond as string] ? { kind: "BCond", cond: opposite[branch.cond as string]!, target } : null),
};
