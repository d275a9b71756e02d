// La64var: AArch64 instructions whose operands may still be variables.
//
// The first IL of the AArch64 back end, written from scratch: every production
// is one instruction, and its template prints it in GNU assembler syntax,
// `op destination, source...`. The only thing an assembler would not accept is
// an operand that is a variable (`Var`), or an immediate the instruction cannot
// encode; later passes fix both. The instruction set is only what selection emits.
//
// Conventions (shared with the machine model, src/interp/aarch64.ts):
// - Control starts at the first block; a block that does not end in a jump falls
//   through to the next one, as on the machine.
// - `b main.conclusion` returns from main. That block does not exist until
//   add-prelude-and-conclusion writes it (frame teardown and `ret`).
// - `cmp left, right` sets the flags from left - right; `b.<cond>` and `cset`
//   read them with signed condition codes (lt means left < right).
// - `bl qn_*` calls the runtime: arguments in x0, x1, result in x0; every
//   caller-saved register (x0-x18, x30) is clobbered.
// - `adrp x, label` + `add x, x, :lo12:label` put the address of a string in x.
// - `cbz b, qn_division_by_zero` (or `b`) is the one branch out of the program: to
//   the runtime's panic for a zero divisor, which never returns (ir-defs/runtime-routines.ts).
// - Every instruction reads its source operands and writes `dst`; the doc comment
//   of each one that is not so plain says exactly what it reads and writes.
import { defineIL, terminal, type Invariant } from "../../src/il/define.js";
import { divisionByZero } from "../runtime-routines.js";
import { findInstr } from "./operand-rules.js";

/** The label `Return` jumps to: the conclusion of main (see add-prelude-and-conclusion). */
export const mainConclusion = "main.conclusion";

/** The 64-bit general registers x0..x30 and the stack pointer. */
export const registers = [...Array.from({ length: 31 }, (_, i) => `x${i}`), "sp"] as const;

/** Signed condition codes: equal, not equal, less, less or equal, greater, greater or equal. */
export const conditionCodes = ["eq", "ne", "lt", "le", "gt", "ge"] as const;

const labelsOf = (program: unknown, field: "blocks" | "data"): Set<string> =>
  new Set(((program as Record<string, { label: string }[] | undefined>)[field] ?? []).map((b) => b.label));

const jumpTargets: Invariant = {
  says: `every b, b.<cond> and cbz names a block of the program, main.conclusion or the runtime's ${divisionByZero}`,
  check(program) {
    const labels = labelsOf(program, "blocks").add(mainConclusion).add(divisionByZero);
    return findInstr(program, (instr) =>
      (instr.kind === "B" || instr.kind === "BCond" || instr.kind === "Cbz") && !labels.has(instr.target as string) ? `no block is labelled ${String(instr.target)}` : null,
    );
  },
};

const stringLabels: Invariant = {
  says: "every adrp and add :lo12: names a string of the program",
  check(program) {
    const strings = labelsOf(program, "data");
    return findInstr(program, (instr) =>
      (instr.kind === "Adrp" || instr.kind === "AddLo12") && !strings.has(instr.symbol as string) ? `no string is labelled ${String(instr.symbol)}` : null,
    );
  },
};

export const La64var = defineIL({
  name: "La64var",
  purpose: "AArch64 instructions in GNU syntax over registers, immediates and variables",
  entry: "Program",
  terminals: {
    int: terminal.int,
    name: terminal.name,
    label: terminal.label,
    string: terminal.string,
    reg: terminal.oneOf("reg", registers, "x0 | x1 | ... | x30 | sp"),
    cond: terminal.oneOf("cond", conditionCodes),
  },
  grammar: {
    Program: { Program: "<blocks:Block*\n><data:Data*\n>" },
    Block: { Block: "<label:label>:<instrs:Instr*\n>" },
    Data: { Data: "<label:label>: .ascii <value:string>" },
    Place: { Reg: "<name:reg>", Var: "<name:name>" },
    Arg: ["Place", { Imm: "#<value:int>" }],
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
      And: "and <dst:Arg>, <left:Arg>, <right:Arg>",
      Orr: "orr <dst:Arg>, <left:Arg>, <right:Arg>",
      Eor: "eor <dst:Arg>, <left:Arg>, <right:Arg>",
      Lsl: "lsl <dst:Arg>, <left:Arg>, <right:Arg>",
      Asr: "asr <dst:Arg>, <left:Arg>, <right:Arg>",
      Neg: "neg <dst:Arg>, <src:Arg>",
      Mvn: "mvn <dst:Arg>, <src:Arg>",
      Cmp: "cmp <left:Arg>, <right:Arg>",
      Cset: "cset <dst:Arg>, <cond:cond>",
      Adrp: "adrp <dst:Arg>, <symbol:label>",
      AddLo12: "add <dst:Arg>, <src:Arg>, :lo12:<symbol:label>",
      Bl: "bl <target:label>",
      B: "b <target:label>",
      BCond: "b.<cond:cond> <target:label>",
      /** Compare and branch on zero: jumps to target when src is 0. Reads src; writes
       * nothing (the flags stay as they are). */
      Cbz: "cbz <src:Arg>, <target:label>",
    },
  },
  invariants: [jumpTargets, stringLabels],
});
