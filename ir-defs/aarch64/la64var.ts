// La64var: AArch64 instructions whose operands may still be variables.
//
// The first IL of the AArch64 back end, written from scratch: every production
// is one instruction, and its template prints it in GNU assembler syntax,
// `op destination, source...`. The only thing an assembler would not accept is
// an operand that is a variable (`Var`), or an immediate the instruction cannot
// encode; later passes fix both. The instruction set is only what selection emits.
//
// Conventions (shared with the machine model, interp/aarch64.ts):
// - Control starts at the first block; a block that does not end in a jump falls
//   through to the next one, as on the machine.
// - The blocks of function F are labelled F.start, F.block1, ... and
//   `b F.conclusion` returns from F. That block does not exist until
//   add-prelude-and-conclusion writes it (frame teardown and `ret`); see
//   ir-defs/functions.ts.
// - `bl fn.F // x0, x1` calls the program's function F (`qn_main` is main),
//   `blr x // x0` the function whose address x holds; the comment lists the
//   argument registers the call reads (AAPCS64: x0-x7). Arguments after the
//   eighth go to the bottom of the caller's frame, `outarg k` (k = 0 for the
//   ninth); the callee reads them as `stackarg k`. The result is in x0, and
//   every caller-saved register is clobbered.
// - `cmp left, right` sets the flags from left - right; `b.<cond>` and `cset`
//   read them with signed condition codes (lt means left < right), or unsigned
//   ones (lo, ls, hi, hs: lower and higher) for addresses and index checks.
// - `bl qn_*` calls the runtime: arguments in x0, x1, x2, result in x0; every
//   caller-saved register (x0-x18, x30) is clobbered.
// - `adrp x, label` + `add x, x, :lo12:label` put the address of a string in x:
//   a static string object of the program's data (`Data`, below).
// - Heap objects (spec/heap.md) are read and written by `ldr`/`str` at a base
//   register plus an immediate offset, `ldr x, [p, #16]`; an array element's
//   address is computed first, `add t, a, i, lsl #3` then `ldr x, [t, #24]`.
//   An element of an array of Bool is a byte: `add t, b, i` then `ldrb w, [t, #24]`
//   (zero-extended into x) or `strb w, [t, #24]`. The w register is the low 32
//   bits of the x register of the same number: until patch-instructions writes
//   it as such, ldrb and strb name the x register (or a variable), as every
//   other instruction does, which the assembler would not take.
// - `cbz b, qn_division_by_zero` and `b.hs qn_index_out_of_bounds` (or `b`) are
//   the branches out of the program: to the runtime's panics for a zero divisor
//   and an index out of bounds, which never return (ir-defs/runtime-routines.ts).
// - Every instruction reads its source operands and writes `dst`; the doc comment
//   of each one that is not so plain says exactly what it reads and writes.
import { defineIL, terminal, type Invariant } from "../../il/define.js";
import { blockLabel, codeSymbol, dataSymbol } from "../symbols.js";
import { conclusionOf, functionsOf, functionSymbol } from "../functions.js";
import { divisionByZero, indexOutOfBounds, runtimeArguments, stackLimit, stackOverflow } from "../runtime-routines.js";
import { findInstr, fitsLoadOffset } from "./operand-rules.js";


/** The 64-bit general registers x0..x30 and the stack pointer, then the 32-bit views w0..w30
 * that ldrb and strb name (from La64patched on: byteOperands), and wzr, which reads as 0 (strb wzr stores a 0). */
export const registers = [...Array.from({ length: 31 }, (_, i) => `x${i}`), "sp", ...Array.from({ length: 31 }, (_, i) => `w${i}`), "wzr"] as const;

/** The 32-bit view of an x register (w9 of x9), and the x register of a view. */
export const wordView = (x: string): string => (x === "wzr" ? x : `w${x.slice(1)}`);
export const fullRegister = (name: string): string => (name.startsWith("w") ? `x${name.slice(1)}` : name);

/** The instructions that name a 32-bit view once patched, and which operand: ldrb's destination, strb's source. */
export const byteOperands: Readonly<Record<string, string>> = { LoadByte: "dst", StoreByte: "src" };

/** ldrb and strb with an unsigned offset: 0..4095. */
export const fitsByteOffset = (v: bigint): boolean => v >= 0n && v <= 4095n;

/** Signed condition codes: equal, not equal, less, less or equal, greater, greater or equal. */
export const conditionCodes = ["eq", "ne", "lt", "le", "gt", "ge"] as const;
/** Unsigned ones (for addresses and index checks): lower, lower or same, higher, higher or same. */
export const unsignedConditionCodes = ["lo", "ls", "hi", "hs"] as const;

const labelsOf = (program: unknown, field: "blocks" | "data"): Set<string> =>
  new Set(((program as Record<string, { label: string }[] | undefined>)[field] ?? []).map((b) => b.label));

const jumpTargets: Invariant = {
  says: `every b, b.<cond> and cbz names a block of the program, a function's conclusion or the runtime's ${divisionByZero}, ${indexOutOfBounds} or ${stackOverflow}; every bl and adrp of code names a function of the program or a routine of the runtime`,
  check(program) {
    const functions = functionsOf(((program as { blocks?: { label: string }[] }).blocks ?? []));
    const labels = labelsOf(program, "blocks").add(divisionByZero).add(indexOutOfBounds).add(stackOverflow);
    for (const f of functions) labels.add(functionSymbol(f)); // in La64, a tail call branches to the callee's prelude
    for (const f of functions) labels.add(conclusionOf(f));
    const symbols = new Set([...functions.map(functionSymbol), ...Object.keys(runtimeArguments)]);
    return findInstr(program, (instr) => {
      if ((instr.kind === "B" || instr.kind === "BCond" || instr.kind === "Cbz") && !labels.has(instr.target as string)) return `no block is labelled ${String(instr.target)}`;
      if ((instr.kind === "Bl" || instr.kind === "Call" || instr.kind === "AdrpFn" || instr.kind === "AddLo12Fn" || instr.kind === "TailCall") && !symbols.has((instr.target ?? instr.symbol) as string)) return `${String(instr.target ?? instr.symbol)} is no function of the program and no routine of the runtime`;
      return null;
    });
  },
};

const stringLabels: Invariant = {
  says: `every adrp and add :lo12: names a static object of the program, a string or a closure (or adrp and ldr :lo12: the runtime's ${stackLimit}), and no two have the same label`,
  check(program) {
    const data = ((program as { data?: { label: string }[] }).data ?? []).map((d) => d.label);
    const twice = data.findIndex((label, i) => data.indexOf(label) !== i);
    if (twice >= 0) return { path: `data[${twice}].label`, message: `two static objects are labelled ${data[twice]}` };
    const strings = labelsOf(program, "data").add(stackLimit);
    return findInstr(program, (instr) =>
      (instr.kind === "Adrp" || instr.kind === "AddLo12") && !strings.has(instr.symbol as string) ? `no static object is labelled ${String(instr.symbol)}` : null,
    );
  },
};

const heapOffsets: Invariant = {
  says: "the offset of a load or store of the heap is a multiple of 8 in 0..32760 (what ldr and str encode), of a byte's 0..4095 (ldrb and strb)",
  check: (program) =>
    findInstr(program, (instr) => {
      const byte = instr.kind === "LoadByte" || instr.kind === "StoreByte";
      if (!byte && instr.kind !== "Load" && instr.kind !== "Store") return null;
      const fits = byte ? fitsByteOffset(instr.offset as bigint) : fitsLoadOffset(instr.offset as bigint);
      return fits ? null : `offset ${instr.offset} is out of range for ${{ Load: "ldr", Store: "str", LoadByte: "ldrb", StoreByte: "strb" }[instr.kind]}`;
    }),
};

const wordViews: Invariant = {
  says: "a 32-bit register w0..w30 or wzr appears only as the destination of ldrb or the source of strb (wzr: only strb's)",
  check: (program) =>
    findInstr(program, (instr) => {
      for (const [field, arg] of Object.entries(instr)) {
        const a = arg as { kind?: string; name?: string } | null;
        if (a?.kind === "Reg" && a.name!.startsWith("w") && byteOperands[instr.kind] !== field) return `${instr.kind}.${field} may not be the 32-bit register ${a.name}`;
        if (a?.kind === "Reg" && a.name === "wzr" && instr.kind !== "StoreByte") return `${instr.kind}.${field} may not be wzr`;
      }
      return null;
    }),
};

export const La64var = defineIL({
  name: "La64var",
  purpose: "AArch64 instructions in GNU syntax over registers, immediates and variables",
  entry: "Program",
  terminals: {
    int: terminal.int,
    name: terminal.name,
    label: blockLabel(true),
    symbol: codeSymbol,
    data: dataSymbol,
    string: terminal.string,
    reg: terminal.oneOf("reg", registers, "x0 | x1 | ... | x30 | sp"),
    cond: terminal.oneOf("cond", [...conditionCodes, ...unsignedConditionCodes]),
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
    Place: { Reg: "<name:reg>", Var: "<name:name>" },
    /** `stackarg k`: the k-th argument the caller passed on the stack (the 9th argument is stackarg 0);
     * `outarg k`: where the function running puts the k-th stack argument of a call it makes. */
    Arg: ["Place", { Imm: "#<value:int>", StackArg: "stackarg <index:count>", OutArg: "outarg <index:count>" }],
    Instr: {
      Mov: "mov <dst:Arg>, <src:Arg>",
      Add: "add <dst:Arg>, <left:Arg>, <right:Arg>",
      Sub: "sub <dst:Arg>, <left:Arg>, <right:Arg>",
      Mul: "mul <dst:Arg>, <left:Arg>, <right:Arg>",
      /** Signed division, rounding toward zero: dst = left / right. Reads left and
       * right; writes dst; the flags stay as they are. Never traps: MIN / -1 gives
       * MIN, and a zero divisor gives 0 (so selection checks for zero first). */
      Sdiv: "sdiv <dst:Arg>, <left:Arg>, <right:Arg>",
      /** Multiply-subtract: dst = from - left * right (wrapping). Reads left, right
       * and from; writes dst; the flags stay as they are. */
      Msub: "msub <dst:Arg>, <left:Arg>, <right:Arg>, <from:Arg>",
      /** Multiply-add: dst = from + left * right (wrapping). Reads left, right and
       * from; writes dst; the flags stay as they are (fuse-multiply-add). */
      Madd: "madd <dst:Arg>, <left:Arg>, <right:Arg>, <from:Arg>",
      And: "and <dst:Arg>, <left:Arg>, <right:Arg>",
      Orr: "orr <dst:Arg>, <left:Arg>, <right:Arg>",
      Eor: "eor <dst:Arg>, <left:Arg>, <right:Arg>",
      Lsl: "lsl <dst:Arg>, <left:Arg>, <right:Arg>",
      Asr: "asr <dst:Arg>, <left:Arg>, <right:Arg>",
      /** A logical shift right: zeros come in from the top (lower-division takes a sign bit with it). */
      Lsr: "lsr <dst:Arg>, <left:Arg>, <right:Arg>",
      Neg: "neg <dst:Arg>, <src:Arg>",
      Mvn: "mvn <dst:Arg>, <src:Arg>",
      Cmp: "cmp <left:Arg>, <right:Arg>",
      Cset: "cset <dst:Arg>, <cond:cond>",
      /** A conditional select: dst = yes when the flags satisfy cond, else no. Reads yes and no
       * (both, whichever it takes) and the flags; writes dst (use-conditional-moves). */
      Csel: "csel <dst:Arg>, <yes:Arg>, <no:Arg>, <cond:cond>",
      Adrp: "adrp <dst:Arg>, <symbol:data>",
      AddLo12: "add <dst:Arg>, <src:Arg>, :lo12:<symbol:data>",
      /** A call of a routine of the runtime (qn_*), or of a function of the program
       * (reading the argument registers listed after `//`). */
      Bl: "bl <target:symbol>< // |args:Place*, >",
      /** An indirect call: of the function whose address callee holds. */
      Blr: "blr <callee:Arg>< // |args:Place*, >",
      /** A tail call: not an instruction of the machine; add-prelude-and-conclusion
       * makes it the function's conclusion without `ret`, then `b` to the callee. */
      TailCall: "tailcall <target:symbol>< // |args:Place*, >",
      TailCallIndirect: "tailcall <callee:Arg>< // |args:Place*, >",
      /** The address of a function of the program, as adrp and add put a string's. */
      AdrpFn: "adrp <dst:Arg>, <symbol:symbol>",
      AddLo12Fn: "add <dst:Arg>, <src:Arg>, :lo12:<symbol:symbol>",
      /** Loads the word at base + offset into dst (a field of a heap object). Reads base
       * and that word; writes dst. */
      Load: "ldr <dst:Arg>, [<base:Arg>, #<offset:int>]",
      /** Stores src at base + offset. Reads src and base; writes that word. */
      Store: "str <src:Arg>, [<base:Arg>, #<offset:int>]",
      /** dst = left + 8 * right: the address of an array element, less its offset. */
      AddScaled: "add <dst:Arg>, <left:Arg>, <right:Arg>, lsl #3",
      /** Loads the byte at base + offset into dst, zero-extended (an element of an array of
       * Bool). Reads base and that byte; writes dst (as w, from La64patched on). */
      LoadByte: "ldrb <dst:Arg>, [<base:Arg>, #<offset:int>]",
      /** Stores src's low byte at base + offset. Reads src (as w, from La64patched on) and
       * base; writes that byte. */
      StoreByte: "strb <src:Arg>, [<base:Arg>, #<offset:int>]",
      B: "b <target:label>",
      BCond: "b.<cond:cond> <target:label>",
      /** Compare and branch on zero: jumps to target when src is 0. Reads src; writes
       * nothing (the flags stay as they are). */
      Cbz: "cbz <src:Arg>, <target:label>",
    },
  },
  invariants: [jumpTargets, stringLabels, heapOffsets, wordViews],
});
