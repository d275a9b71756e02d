// Lx86var: x86-64 instructions whose operands may still be variables.
//
// The first IL of the x86-64 back end, written from scratch: every production is
// one instruction, and its template prints it in GNU assembler (AT&T) syntax,
// `op source, destination`. The only thing an assembler would not accept is the
// operand form `Var`: a variable, which assign-homes later turns into a stack slot.
//
// Conventions (shared with the machine model, interp/x86_64.ts):
// - Control starts at the first block; a block that does not end in a jump falls
//   through to the next one, as on the machine.
// - The blocks of function F are labelled F.start, F.block1, ... and
//   `jmp F.conclusion` returns from F. That block does not exist until
//   add-prelude-and-conclusion writes it (with the frame teardown and `retq`);
//   see ir-defs/functions.ts.
// - `callq fn.F # %rdi, %rsi` calls the program's function F (`qn_main` is
//   main), `callq *x # %rdi` the function whose address x holds; the comment
//   lists the argument registers the call reads (System V: %rdi, %rsi, %rdx,
//   %rcx, %r8, %r9). Arguments after the sixth are pushed, the last first;
//   the callee reads the k-th of those as `stackarg k`. The result is in %rax,
//   and every caller-saved register is clobbered.
// - `cmpq right, left` sets the flags from left - right; `j<cc>` and `set<cc>`
//   read them with signed condition codes (jl means left < right), or unsigned
//   ones (jb, jbe, ja, jae: below and above) for addresses and index checks.
// - `callq qn_*` calls the runtime: arguments in %rdi, %rsi, %rdx, result in %rax; every
//   caller-saved register (rax rcx rdx rsi rdi r8-r11) is clobbered.
// - `je qn_division_by_zero` and `jae qn_index_out_of_bounds` (or `jmp`) are the
//   jumps out of the program: to the runtime's panics for a zero divisor and an
//   index out of bounds, which never return (ir-defs/runtime-routines.ts).
// - Heap objects (spec/heap.md) are read and written by `movq` with a memory
//   operand whose base (and index, scaled by 8) are places: `movq 16(p), x`,
//   `movq x, 24(a,i,8)`; `addq $1, (p)` counts one more reference to p's object.
//   An element of an array of Bool is one byte: `movzbq 24(a,i,1), x` reads it
//   (zero-extended), `movb %al, 24(a,i,1)` or `movb $0, 24(a,i,1)` writes one.
// - A string literal is a static string object in the program's data (`Data`,
//   below); `leaq .Lstr0(%rip), x` puts its address in x.
// - Most instructions read their operands and write `dst`; the doc comment of each
//   instruction that is not so plain says exactly which registers it reads and writes.
import { defineIL, terminal, type Invariant } from "../../il/define.js";
import { isNode, type AnyNode } from "../../il/node.js";
import { blockLabel, codeSymbol, dataSymbol } from "../symbols.js";
import { conclusionOf, functionsOf, functionSymbol } from "../functions.js";
import { divisionByZero, indexOutOfBounds, runtimeArguments, stackOverflow } from "../runtime-routines.js";


/** 64-bit registers, plus the 8-bit views %al and %cl that setcc and shifts use. */
export const registers = [
  "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
  "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
  "al", "cl",
] as const;

/** Signed condition codes: equal, not equal, less, less or equal, greater, greater or equal. */
export const conditionCodes = ["e", "ne", "l", "le", "g", "ge"] as const;
/** Unsigned ones (for addresses and index checks): below, below or equal, above, above or equal. */
export const unsignedConditionCodes = ["b", "be", "a", "ae"] as const;

/** The instructions that access memory at an address a place holds (`base`, and `index` scaled by 8). */
/** The shifts: their count is an immediate or %cl. */
export const shifts: ReadonlySet<string> = new Set(["Salq", "Sarq", "Shrq"]);
export const memoryAccesses: ReadonlySet<string> = new Set(["Load", "LoadIndexed", "Store", "StoreIndexed", "LoadByte", "StoreByte", "IncMem"]);

const blocksOf = (program: unknown): AnyNode[] => ((program as { blocks?: unknown }).blocks as AnyNode[] | undefined) ?? [];

/** Every instruction of a program with its path, in order. */
export function* instructionsOf(program: unknown): Generator<[AnyNode, string]> {
  const blocks = blocksOf(program);
  for (let b = 0; b < blocks.length; b++) {
    const instrs = (blocks[b]!.instrs as AnyNode[] | undefined) ?? [];
    for (let i = 0; i < instrs.length; i++) {
      const instr = instrs[i]!;
      // In Lx86live each instruction is wrapped with its live set.
      if (instr.kind === "Live") yield [instr.instr as AnyNode, `blocks[${b}].instrs[${i}].instr`];
      else yield [instr, `blocks[${b}].instrs[${i}]`];
    }
  }
}

/** The operands of an instruction, by field name (the fields that hold an Arg node). */
export function operandsOf(instr: object): [string, AnyNode][] {
  return Object.entries(instr).filter((e): e is [string, AnyNode] => e[0] !== "loc" && isNode(e[1]));
}

const jumpTargets: Invariant = {
  says: `every jmp and j<cc> names a block of the program, a function's conclusion or the runtime's ${divisionByZero}, ${indexOutOfBounds} or ${stackOverflow}; every callq and leaq of code names a function of the program or a routine of the runtime`,
  check(program) {
    const blocks = blocksOf(program) as unknown as { label: string }[];
    const functions = functionsOf(blocks);
    const labels = new Set(blocks.map((b) => b.label)).add(divisionByZero).add(indexOutOfBounds).add(stackOverflow);
    for (const f of functions) labels.add(functionSymbol(f)); // in Lx86, a tail call jumps to the callee's prelude
    for (const f of functions) labels.add(conclusionOf(f));
    const symbols = new Set([...functions.map(functionSymbol), ...Object.keys(runtimeArguments)]);
    for (const [instr, path] of instructionsOf(program)) {
      if ((instr.kind === "Jmp" || instr.kind === "JmpIf") && !labels.has(instr.target as string)) {
        return { path: `${path}.target`, message: `no block is labelled ${String(instr.target)}` };
      }
      if ((instr.kind === "Callq" || instr.kind === "Call" || instr.kind === "LeaFn" || instr.kind === "TailCall") && !symbols.has(instr.target as string)) { // (Call: before lower-calls)
        return { path: `${path}.target`, message: `${String(instr.target)} is no function of the program and no routine of the runtime` };
      }
    }
    return null;
  },
};

const stringLabels: Invariant = {
  says: "every leaq names a static object of the program (a string or a closure), and no two have the same label",
  check(program) {
    const strings = ((program as { data?: AnyNode[] }).data ?? []).map((s) => s.label);
    const twice = strings.findIndex((label, i) => strings.indexOf(label) !== i);
    if (twice >= 0) return { path: `data[${twice}].label`, message: `two static objects are labelled ${String(strings[twice])}` };
    for (const [instr, path] of instructionsOf(program)) {
      if (instr.kind === "Leaq" && !strings.includes(instr.label)) return { path: `${path}.label`, message: `no static object is labelled ${String(instr.label)}` };
    }
    return null;
  },
};

const addressPlaces: Invariant = {
  says: "the base and index of a memory access or leaq are places (a variable, a register or, before patch-instructions, a stack slot), never an immediate",
  check(program) {
    for (const [instr, path] of instructionsOf(program)) {
      if (!memoryAccesses.has(instr.kind) && instr.kind !== "LeaScaled") continue;
      for (const field of ["base", "index"]) {
        const arg = instr[field] as AnyNode | undefined;
        if (arg && (arg.kind === "Imm" || arg.kind === "StackArg")) return { path: `${path}.${field}`, message: `the ${field} of ${instr.kind} must be a place, not ${arg.kind}` };
      }
    }
    return null;
  },
};

const byteRegisters: Invariant = {
  says: "%al and %cl appear only where a byte register belongs: set<cc> writes one, movzbq and movb read one (movb: or an immediate), a shift count may be %cl",
  check(program) {
    for (const [instr, path] of instructionsOf(program)) {
      for (const [field, arg] of operandsOf(instr)) {
      const isByte = arg.kind === "Reg" && (arg.name === "al" || arg.name === "cl");
        const wantsByte = (instr.kind === "Set" && field === "dst") || (instr.kind === "Movzbq" && field === "src") || (instr.kind === "StoreByte" && field === "src" && arg.kind !== "Imm");
        const mayBeByte = wantsByte || (shifts.has(instr.kind as string) && field === "count" && arg.kind === "Reg");
        if (wantsByte && !isByte) return { path: `${path}.${field}`, message: `${instr.kind} needs %al or %cl here` };
        if (isByte && !mayBeByte) return { path: `${path}.${field}`, message: `a byte register cannot be the ${field} of ${instr.kind}` };
        if (mayBeByte && !wantsByte && arg.name !== "cl") return { path: `${path}.${field}`, message: "a shift count in a register must be %cl" };
      }
    }
    return null;
  },
};

export const Lx86var = defineIL({
  name: "Lx86var",
  purpose: "instructions of x86-64 in AT&T syntax, over registers, immediates and variables",
  entry: "Program",
  terminals: {
    int: terminal.int,
    name: terminal.name,
    label: blockLabel(true),
    symbol: codeSymbol,
    data: dataSymbol,
    string: terminal.string,
    reg: terminal.oneOf("reg", registers),
    cc: terminal.oneOf("cc", [...conditionCodes, ...unsignedConditionCodes]),
    count: terminal.count,
  },
  grammar: {
    Program: { Program: "<blocks:Block*\n><data:Static*\n>" },
    Block: { Block: "<label:label>:<instrs:Instr*\n>" },
    /** A static string object (spec/heap.md), 8-byte aligned in writable data: its count
     * 2^62 (never freed, though inc and dec change it), its info word 3 (a string), its
     * length in UTF-8 bytes, then the bytes. Its label is its address, as a reference. */
    Static: {
      Data: "<label:data>: static <value:string>",
      /** A static closure (spec/heap.md): its count 2^62, the info word of a fields object of
       * one field, no reference, and the address of its function's code. */
      ClosureData: "<label:data>: static closure <code:symbol>",
    },
    Place: { Reg: "%<name:reg>", Var: "<name:name>" },
    /** `stackarg k`: the k-th argument passed on the stack to the function running (the 7th argument is stackarg 0). */
    Arg: ["Place", { Imm: "$<value:int>", StackArg: "stackarg <index:count>" }],
    Instr: {
      Movq: "movq <src:Arg>, <dst:Arg>",
      Addq: "addq <src:Arg>, <dst:Arg>",
      Subq: "subq <src:Arg>, <dst:Arg>",
      Imulq: "imulq <src:Arg>, <dst:Arg>",
      Andq: "andq <src:Arg>, <dst:Arg>",
      Orq: "orq <src:Arg>, <dst:Arg>",
      Xorq: "xorq <src:Arg>, <dst:Arg>",
      Negq: "negq <dst:Arg>",
      Notq: "notq <dst:Arg>",
      Salq: "salq <count:Arg>, <dst:Arg>",
      Sarq: "sarq <count:Arg>, <dst:Arg>",
      /** A logical shift right: zeros come in from the top (lower-division takes a sign bit with it). */
      Shrq: "shrq <count:Arg>, <dst:Arg>",
      Cmpq: "cmpq <right:Arg>, <left:Arg>",
      Set: "set<cc:cc> <dst:Arg>",
      /** Conditional move: dst = src if the flags say cc, else dst keeps its value.
       * Reads the flags, src and dst; writes dst. The flags stay as they are. */
      Cmov: "cmov<cc:cc> <src:Arg>, <dst:Arg>",
      /** Sign-extends %rax into %rdx:%rax, the dividend of idivq.
       * Reads %rax; writes %rdx. The flags stay as they are. */
      Cqto: "cqto",
      /** Signed division of the 128-bit %rdx:%rax by src, rounding toward zero: the
       * quotient goes to %rax, the remainder (sign of the dividend) to %rdx.
       * Reads %rax, %rdx and src; writes %rax, %rdx and the flags (undefined after it).
       * The machine traps when src is 0 or the quotient does not fit (MIN / -1). */
      Idivq: "idivq <src:Arg>",
      Movzbq: "movzbq <src:Arg>, <dst:Arg>",
      /** dst = base + scale * index (scale 1, 2, 4 or 8), in one step: `3 * n` is
       * `leaq (n,n,2)`. Reads base and index; writes dst. The flags stay as they are. */
      LeaScaled: "leaq (<base:Arg>,<index:Arg>,<scale:int>), <dst:Arg>",
      /** The address of a string of the program (a static string object). */
      Leaq: "leaq <label:data>(%rip), <dst:Arg>",
      /** Loads the word at base + offset (base + offset + 8 * index) into dst. Reads base,
       * index and that word; writes dst. The flags stay as they are. */
      Load: "movq <offset:int>(<base:Arg>), <dst:Arg>",
      LoadIndexed: "movq <offset:int>(<base:Arg>,<index:Arg>,8), <dst:Arg>",
      /** Stores src at base + offset (base + offset + 8 * index). Reads src, base and index;
       * writes that word. The flags stay as they are. */
      Store: "movq <src:Arg>, <offset:int>(<base:Arg>)",
      StoreIndexed: "movq <src:Arg>, <offset:int>(<base:Arg>,<index:Arg>,8)",
      /** Loads the byte at base + offset (+ index) into dst, zero-extended: an element of an
       * array of Bool. Reads base, index and that byte; writes dst. The flags stay as they are. */
      LoadByte: "movzbq <offset:int>(<base:Arg><,|index:Arg?|,1>), <dst:Arg>",
      /** Stores the low byte of src (%al, or an immediate) at base + offset (+ index). Reads
       * src, base and index; writes that byte. The flags stay as they are. */
      StoreByte: "movb <src:Arg>, <offset:int>(<base:Arg><,|index:Arg?|,1>)",
      /** Adds 1 to the word at the address base holds: an object's reference count (`inc`).
       * Reads base and that word; writes the word and the flags. */
      IncMem: "addq $1, (<base:Arg>)",
      /** A call of a routine of the runtime (qn_*), or of a function of the program
       * (reading the argument registers listed after `#`). */
      Callq: "callq <target:symbol>< # |args:Place*, >",
      /** An indirect call: of the function whose address callee holds. */
      CallqIndirect: "callq *<callee:Arg>< # |args:Place*, >",
      /** The address of a function of the program. */
      LeaFn: "leaq <target:symbol>(%rip), <dst:Arg>",
      Pushq: "pushq <src:Arg>",
      /** A tail call: not an instruction of the machine; add-prelude-and-conclusion
       * makes it the function's conclusion without `retq`, then `jmp` to the callee. */
      TailCall: "tailcall <target:symbol>< # |args:Place*, >",
      TailCallIndirect: "tailcall *<callee:Arg>< # |args:Place*, >",
      Jmp: "jmp <target:label>",
      JmpIf: "j<cc:cc> <target:label>",
    },
  },
  invariants: [jumpTargets, stringLabels, byteRegisters, addressPlaces],
});
