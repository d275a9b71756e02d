// The machine model of x86-64: one small interpreter for all six x86 ILs.
//
// It is a table of operand forms and a table of instructions. Each IL's tables
// are its predecessor's plus what that IL adds, exactly as the ILs are defined:
//
//     Lx86var      Imm, Reg, Var operands; the instructions selection emits
//     Lx86live     + Live: runs its instruction, then forgets the variables not live after it
//     Lx86graph    the tables of Lx86var   (the interference graph is not run)
//     Lx86homes    - Var + Slot            (allocate-registers)
//     Lx86patched  the same tables         (only invariants change)
//     Lx86         - Slot + Mem; pushq, popq, retq; calls must be 16-byte aligned
//
// The state is what the real machine has: 64-bit registers (with the byte views
// %al and %cl), the flags, and memory (a map from address to 64-bit value; %rsp
// starts high and the stack grows down). Variables and slots, which no machine
// has, live in their own maps. Values are bigints wrapped to 64 bits.
//
// Like the machine, and unlike a tree interpreter, it is unforgiving:
// - a `callq qn_*` goes to the runtime model with %rdi, %rsi as arguments and
//   the result in %rax, and then sets every caller-saved register to a poison
//   value, so code that keeps a value in one across a call goes wrong here too;
// - reading a variable, slot or memory cell that was never written, reading the
//   flags after an instruction that changed them, memory below %rsp or a call
//   with a misaligned stack (Lx86), an idivq that would trap (by zero, or
//   MIN / -1), or a return that does not restore %rsp and the callee-saved
//   registers is an error (a bug in the compiler), not an outcome;
// - a jump to qn_division_by_zero is the runtime's panic (see machine-code.ts).

import { layOutStrings, liveStep, runCode, type Effect, type Node } from "./machine-code.js";
import { mainConclusion } from "../../ir-defs/x86_64/lx86var.js";
import { wrap } from "../semantics.js";
import { RuntimeModel, type Interpreter, type RunOptions } from "./runtime-model.js";


const poison = wrap(0x5a5a5a5a5a5a5a5an);
const callerSaved = ["rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"] as const;
/** What the caller (the runtime's _start) keeps in the callee-saved registers. */
const callerValues: Readonly<Record<string, bigint>> = { rbx: 0x1111n, rbp: 0n, r12: 0x1212n, r13: 0x1313n, r14: 0x1414n, r15: 0x1515n };
/** Where %rsp points when qn_main starts: just below it, _start's return address. */
const stackTop = 0x7fff_0000n;
const returnToStart = 0x40_1000n;
const byteViews: Readonly<Record<string, string>> = { al: "rax", cl: "rcx" };

interface Machine {
  readonly model: RuntimeModel;
  readonly registers: Map<string, bigint>;
  readonly variables: Map<string, bigint>;
  readonly slots: Map<number, bigint>;
  readonly memory: Map<number, bigint>; // by address (addresses are small enough for a number)
  strings: Map<string, { address: bigint; bytes: Buffer }>;
  readonly dialect: Dialect;
  /** The last cmpq's operands (flags = left - right), or null once another instruction changed them. */
  flags: { left: bigint; right: bigint } | null;
}

interface OperandForm {
  read(m: Machine, arg: Node): bigint;
  write(m: Machine, arg: Node, value: bigint): void;
}

/** What an instruction does to control: nothing (go on), jump to a label, or return from main. */
type Instruction = (m: Machine, instr: Node) => Effect;

interface Dialect {
  readonly operands: Readonly<Record<string, OperandForm>>;
  readonly instructions: Readonly<Record<string, Instruction>>;
  /** Lx86 only: the program manages %rsp itself, so calls must find it 16-byte aligned. */
  readonly framed: boolean;
}

// ---------------------------------------------------------------- operands

function cell<K>(map: Map<K, bigint>, key: K, what: string): bigint {
  const value = map.get(key);
  if (value === undefined) throw new Error(`the x86_64 model read ${what}, which was never written`);
  return value;
}

const register = (m: Machine, name: string): bigint => cell(m.registers, name, `%${name}`);

const varOperands: Readonly<Record<string, OperandForm>> = {
  Imm: {
    read: (_m, arg) => arg.value as bigint,
    write: () => { throw new Error("an instruction cannot write an immediate"); },
  },
  Reg: {
    read: (m, arg) => (arg.name in byteViews ? BigInt.asUintN(8, register(m, byteViews[arg.name]!)) : register(m, arg.name)),
    write(m, arg, value) {
      const full = byteViews[arg.name];
      if (full) m.registers.set(full, wrap((register(m, full) & ~0xffn) | BigInt.asUintN(8, value)));
      else m.registers.set(arg.name, wrap(value));
    },
  },
  Var: {
    read: (m, arg) => cell(m.variables, arg.name as string, `variable ${arg.name}`),
    write: (m, arg, value) => void m.variables.set(arg.name as string, wrap(value)),
  },
};

/** A table without one of its forms (what an IL's `remove` does to the model). */
function without<T>(table: Readonly<Record<string, T>>, kind: string): Record<string, T> {
  return Object.fromEntries(Object.entries(table).filter(([k]) => k !== kind));
}

const slotOperands: Readonly<Record<string, OperandForm>> = {
  ...without(varOperands, "Var"),
  Slot: {
    read: (m, arg) => cell(m.slots, arg.index as number, `slot${arg.index}`),
    write: (m, arg, value) => void m.slots.set(arg.index as number, wrap(value)),
  },
};

/** The address of `offset(%base)`; below %rsp is off limits (a call would overwrite it). */
function address(m: Machine, arg: Node): number {
  const at = Number(register(m, arg.base)) + Number(arg.offset as bigint); // stack addresses are small
  if (at < Number(register(m, "rsp"))) throw new Error(`${arg.offset}(%${arg.base}) lies below %rsp, outside the frame`);
  return at;
}
const finalOperands: Readonly<Record<string, OperandForm>> = {
  ...without(slotOperands, "Slot"),
  Mem: {
    read: (m, arg) => cell(m.memory, address(m, arg), `memory at ${arg.offset}(%${arg.base})`),
    write: (m, arg, value) => void m.memory.set(address(m, arg), wrap(value)),
  },
};

const form = (m: Machine, arg: Node): OperandForm => {
  const f = m.dialect.operands[arg.kind];
  if (!f) throw new Error(`the x86_64 model has no operand form ${arg.kind} here`);
  return f;
};
const read = (m: Machine, arg: Node): bigint => form(m, arg).read(m, arg);
const write = (m: Machine, arg: Node, value: bigint): void => form(m, arg).write(m, arg, value);

// ---------------------------------------------------------------- instructions

/** `op src, dst`: dst = dst op src; the flags are changed. */
const arithmetic = (op: (dst: bigint, src: bigint) => bigint): Instruction => (m, i) => {
  write(m, i.dst, op(read(m, i.dst), read(m, i.src)));
  m.flags = null;
};
const shift = (op: (value: bigint, count: bigint) => bigint): Instruction => (m, i) => {
  write(m, i.dst, op(read(m, i.dst), BigInt.asUintN(6, read(m, i.count)))); // the count is taken mod 64
  m.flags = null;
};

function condition(m: Machine, cc: string): boolean {
  if (!m.flags) throw new Error(`j${cc}/set${cc} reads flags that no cmpq set (or that another instruction changed)`);
  const { left, right } = m.flags;
  const table: Record<string, boolean> = { e: left === right, ne: left !== right, l: left < right, le: left <= right, g: left > right, ge: left >= right };
  const holds = table[cc];
  if (holds === undefined) throw new Error(`unknown condition code ${cc}`);
  return holds;
}

/** idivq: %rdx:%rax divided by the operand, rounding toward zero. The machine traps
 * (SIGFPE) on a zero divisor or a quotient that does not fit in 64 bits (MIN / -1);
 * compiled code must never let that happen, so here it is an error. */
function divide(m: Machine, i: Node): void {
  const dividend = (register(m, "rdx") << 64n) | BigInt.asUintN(64, register(m, "rax"));
  const divisor = read(m, i.src);
  if (divisor === 0n) throw new Error("idivq by zero: the machine traps");
  const quotient = dividend / divisor;
  if (quotient !== wrap(quotient)) throw new Error(`idivq: ${dividend} / ${divisor} does not fit in 64 bits: the machine traps`);
  m.registers.set("rax", quotient);
  m.registers.set("rdx", dividend % divisor);
  m.flags = null;
}

function callRuntime(m: Machine, symbol: string): void {
  if (m.dialect.framed && register(m, "rsp") % 16n !== 0n) throw new Error(`callq ${symbol} with %rsp not 16-byte aligned`);
  const args = [register(m, "rdi"), register(m, "rsi")];
  const result = m.model.call(symbol, args, (at, length) => stringAt(m, at, length));
  for (const r of callerSaved) m.registers.set(r, poison);
  m.registers.set("rax", wrap(result));
  m.flags = null;
}

function stringAt(m: Machine, at: bigint, length: bigint): string {
  for (const { address: start, bytes } of m.strings.values()) {
    if (at >= start && at + length <= start + BigInt(bytes.length)) return bytes.subarray(Number(at - start), Number(at - start + length)).toString("utf8");
  }
  throw new Error(`no string data at address ${at} of length ${length}`);
}

const varInstructions: Readonly<Record<string, Instruction>> = {
  Movq: (m, i) => write(m, i.dst, read(m, i.src)),
  Addq: arithmetic((d, s) => d + s),
  Subq: arithmetic((d, s) => d - s),
  Imulq: arithmetic((d, s) => d * s),
  Andq: arithmetic((d, s) => d & s),
  Orq: arithmetic((d, s) => d | s),
  Xorq: arithmetic((d, s) => d ^ s),
  Negq: (m, i) => { write(m, i.dst, -read(m, i.dst)); m.flags = null; },
  Notq: (m, i) => write(m, i.dst, ~read(m, i.dst)),
  Salq: shift((v, n) => v << n),
  Sarq: shift((v, n) => v >> n),
  Cmpq: (m, i) => { m.flags = { left: read(m, i.left), right: read(m, i.right) }; },
  Set: (m, i) => write(m, i.dst, condition(m, i.cc) ? 1n : 0n),
  Cmov(m, i) { // both operands are read whether or not the move happens
    const [src, dst] = [read(m, i.src), read(m, i.dst)];
    write(m, i.dst, condition(m, i.cc) ? src : dst);
  },
  Cqto: (m) => void m.registers.set("rdx", register(m, "rax") < 0n ? -1n : 0n),
  Idivq: divide,
  Movzbq: (m, i) => write(m, i.dst, BigInt.asUintN(8, read(m, i.src))),
  Leaq(m, i) {
    const data = m.strings.get(i.label);
    if (!data) throw new Error(`leaq of ${i.label}, which labels no string`);
    write(m, i.dst, data.address);
  },
  Callq: (m, i) => callRuntime(m, i.target),
  Jmp: (_m, i) => ({ jump: i.target }),
  JmpIf: (m, i) => (condition(m, i.cc) ? { jump: i.target } : undefined),
};

function push(m: Machine, value: bigint): void {
  const rsp = register(m, "rsp") - 8n;
  m.registers.set("rsp", rsp);
  m.memory.set(Number(rsp), wrap(value));
}
function pop(m: Machine): bigint {
  const rsp = register(m, "rsp");
  const value = cell(m.memory, Number(rsp), "the stack at %rsp");
  m.registers.set("rsp", rsp + 8n);
  return value;
}

const finalInstructions: Readonly<Record<string, Instruction>> = {
  ...varInstructions,
  Pushq: (m, i) => push(m, read(m, i.src)),
  Popq: (m, i) => write(m, i.dst, pop(m)),
  Retq(m) {
    const to = pop(m);
    if (to !== returnToStart) throw new Error(`retq to ${to}, which is not the runtime's _start`);
    return { returned: true };
  },
};

// ---------------------------------------------------------------- running

/** At main's end the caller must find %rsp and (once the prelude saves them) its callee-saved registers as it left them. */
function checkReturn(m: Machine, rsp: bigint): void {
  if (register(m, "rsp") !== rsp) throw new Error(`main returns with %rsp = ${register(m, "rsp")}, not ${rsp}`);
  if (m.dialect.framed) for (const [r, v] of Object.entries(callerValues)) if (register(m, r) !== v) throw new Error(`main returns without restoring %${r}`);
}

function run(dialect: Dialect, program: Node, model: RuntimeModel): void {
  const m: Machine = { model, dialect, registers: new Map(), variables: new Map(), slots: new Map(), memory: new Map(), strings: new Map(), flags: null };
  for (const r of callerSaved) m.registers.set(r, poison);
  for (const [r, v] of Object.entries(callerValues)) m.registers.set(r, v);
  m.registers.set("rsp", stackTop);
  push(m, returnToStart); // as `call qn_main` did
  const entryRsp = register(m, "rsp");
  m.strings = layOutStrings(program.data as Node[]);
  const how = runCode(program.blocks as Node[], model, mainConclusion, (instr) => {
    const step = dialect.instructions[instr.kind];
    if (!step) throw new Error(`the x86_64 model has no instruction ${instr.kind} here`);
    return step(m, instr);
  });
  // A `ret` has popped the return address; a jump to the conclusion (before Lx86) has not.
  checkReturn(m, how === "ret" ? entryRsp + 8n : entryRsp);
}

const interpreter = (dialect: Dialect): Interpreter => (program: unknown, options?: RunOptions) => {
  const model = new RuntimeModel(options);
  return model.run(() => run(dialect, program as Node, model));
};

const varDialect: Dialect = { operands: varOperands, instructions: varInstructions, framed: false };
const liveDialect: Dialect = { ...varDialect, instructions: { ...varInstructions, Live: liveStep((m: Machine, i) => varInstructions[i.kind]!(m, i)) } };
const slotDialect: Dialect = { ...varDialect, operands: slotOperands };
const finalDialect: Dialect = { operands: finalOperands, instructions: finalInstructions, framed: true };

export const interpreters: Record<string, Interpreter> = {
  Lx86var: interpreter(varDialect),
  Lx86live: interpreter(liveDialect),
  Lx86graph: interpreter(varDialect),
  Lx86homes: interpreter(slotDialect),
  Lx86patched: interpreter(slotDialect),
  Lx86: interpreter(finalDialect),
};
