// What the register allocator knows of x86-64 (System V): which registers it
// may hand out, which a call changes, and what each instruction of Lx86var reads
// and writes. %rsp and %rbp hold the frame; %r10 and %r11 are kept free for
// patch-instructions, so neither appears here.
import type { AnyNode } from "../../il/node.js";
import { placesOf, registerKey, type RegisterMachine } from "../register-allocation.js";
import { runtimeArguments } from "../runtime-routines.js";

const opposite: Readonly<Record<string, string>> = { e: "ne", ne: "e", l: "ge", ge: "l", le: "g", g: "le", b: "ae", ae: "b", be: "a", a: "be" };
const byteViews: Readonly<Record<string, string>> = { al: "rax", cl: "rcx" };
const key = (arg: unknown) => placesOf(arg, (name) => byteViews[name] ?? name);

export const callerSaved = ["rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"] as const;
export const calleeSaved = ["rbx", "r12", "r13", "r14", "r15"] as const;
const argumentRegisters = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"];
const clobbered = callerSaved.map(registerKey);

/** `op src, dst` that reads both and writes dst. */
const readModifyWrite = new Set(["Addq", "Subq", "Imulq", "Andq", "Orq", "Xorq"]);

export const machine: RegisterMachine = {
  // Caller-saved first (free to use), %rax last of those (selection uses it most).
  allocatable: ["rcx", "rdx", "rsi", "rdi", "r8", "r9", "rax", ...calleeSaved],
  callerSaved: new Set(callerSaved),
  argumentRegisters,
  resultRegister: "rax",
  uses(i) {
    switch (i.kind) {
      case "Movq": case "Movzbq": return { reads: key(i.src), writes: key(i.dst) };
      case "Negq": case "Notq": return { reads: key(i.dst), writes: key(i.dst) };
      case "Salq": case "Sarq": case "Shrq": return { reads: [...key(i.count), ...key(i.dst)], writes: key(i.dst) };
      case "Cmpq": return { reads: [...key(i.left), ...key(i.right)], writes: [] };
      case "Set": case "Leaq": case "LeaFn": return { reads: [], writes: key(i.dst) };
      // A call reads the argument registers it lists (for the runtime's routines,
      // exactly as many as the routine takes) and clobbers every caller-saved one.
      case "Callq": {
        const count = runtimeArguments[i.target as string];
        const args = (i.args as AnyNode[]).flatMap(key);
        if (count !== undefined && args.join() !== argumentRegisters.slice(0, count).map(registerKey).join()) throw new Error(`callq ${String(i.target)} must list ${count} argument register(s)`);
        return { reads: args, writes: clobbered };
      }
      case "CallqIndirect": return { reads: [...key(i.callee), ...(i.args as AnyNode[]).flatMap(key)], writes: clobbered };
      case "Pushq": return { reads: key(i.src), writes: [] };
      // A tail call reads its arguments (and callee) and leaves: it writes nothing the function sees.
      case "TailCall": return { reads: (i.args as AnyNode[]).flatMap(key), writes: [] };
      case "TailCallIndirect": return { reads: [...key(i.callee), ...(i.args as AnyNode[]).flatMap(key)], writes: [] };
      case "Cmov": return { reads: [...key(i.src), ...key(i.dst)], writes: key(i.dst) }; // dst keeps its value when cc fails
      case "Cqto": return { reads: [registerKey("rax")], writes: [registerKey("rdx")] };
      case "Idivq": return { reads: [registerKey("rax"), registerKey("rdx"), ...key(i.src)], writes: [registerKey("rax"), registerKey("rdx")] };
      case "Jmp": case "JmpIf": return { reads: [], writes: [] };
      // A memory access reads the places that make its address, whether it loads or stores.
      case "Load": return { reads: key(i.base), writes: key(i.dst) };
      case "LeaScaled": return { reads: [...key(i.base), ...key(i.index)], writes: key(i.dst) };
      case "LoadIndexed": return { reads: [...key(i.base), ...key(i.index)], writes: key(i.dst) };
      case "Store": return { reads: [...key(i.src), ...key(i.base)], writes: [] };
      case "StoreIndexed": return { reads: [...key(i.src), ...key(i.base), ...key(i.index)], writes: [] };
      case "LoadByte": return { reads: [...key(i.base), ...key(i.index)], writes: key(i.dst) };
      case "StoreByte": return { reads: [...key(i.src), ...key(i.base), ...key(i.index)], writes: [] };
      case "IncMem": return { reads: key(i.base), writes: [] };
    }
    if (readModifyWrite.has(i.kind)) return { reads: [...key(i.src), ...key(i.dst)], writes: key(i.dst) };
    throw new Error(`x86_64 machine.uses: no entry for ${i.kind}`);
  },
  kinds: { move: "Movq", jump: "Jmp", branches: ["JmpIf"], exits: ["TailCall", "TailCallIndirect"] },
  invert: (branch, target) => (branch.kind === "JmpIf" && opposite[branch.cc as string] ? { kind: "JmpIf", cc: opposite[branch.cc as string]!, target } : null),
};
