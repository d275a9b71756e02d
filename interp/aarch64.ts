// The machine model of AArch64: one small interpreter for all six AArch64 ILs.
//
// It is a table of operand forms and a table of instructions. Each IL's tables
// are its predecessor's plus what that IL adds, exactly as the ILs are defined:
//
//     La64select   La64memory + div, rem: Quastra's / and % (lower-division expands them)
//     La64memory   La64calls + ldr, str at any address, inc [p] (lower-memory expands them)
//     La64calls    La64var with calls, params and return on operands (=label: an address),
//                  the arguments handed over as values (lower-calls expands them)
//     La64var      Imm, Reg, Var operands; the instructions selection emits
//     La64live     + Live: runs its instruction, then forgets the variables not live after it
//     La64graph    the tables of La64var   (the interference graph is not run)
//     La64costs    the same                (nor the spill costs)
//     La64coloured - Var + Slot; a variable is read and written in its home from the table
//     La64homes    - Var + Slot            (assign-homes)
//     La64patched  + ldr, str, movz, movk  (patch-instructions)
//     La64         - Slot + Mem; stp, ldp, ret
//
// The state is what the real machine has: 64-bit registers x0-x30 and sp, the
// flags, and memory (a map from address to 64-bit value; sp starts high and the
// stack grows down). Variables and slots, which no machine has, live in their
// own maps. Values are bigints wrapped to 64 bits. Unlike on x86-64, add, sub
// and the other arithmetic instructions leave the flags alone: only cmp sets them.
// Heap objects (and the program's string objects) are the runtime model's heap
// (heap.ts): a load or store at an address above the stack goes there. Calls
// of the program's functions nest on the runner's stack of frames
// (machine-code.ts), not on JavaScript's.
//
// Tasks (issue 19): the runtime's task and channel routines (qn_spawn, qn_send,
// qn_recv with its two results in x0 and x1, ...) go to the run's one scheduler
// (interp/scheduler.ts); main and each spawned task have their own registers,
// flags and stack memory (MachineTask), so a routine that switches keeps the
// callee-saved registers, as the runtime does, and poisons the others.
//
// Like the machine, and unlike a tree interpreter, it is unforgiving:
// - a `bl qn_*` goes to the runtime model with x0, x1, x2 as arguments and the
//   result in x0, and then sets every caller-saved register (x0-x18, x30; x0
//   keeps the result if the routine has one) and the flags to poison, so code
//   that keeps a value in one across a call goes wrong here too;
// - reading a variable, slot or memory cell that was never written, reading the
//   flags when no cmp set them, a call with sp not 16-byte aligned, memory
//   below sp, or a `ret` that does not restore sp, x29, x30 and the callee-saved
//   registers is an error (a bug in the compiler), not an outcome;
// - a branch to qn_division_by_zero or qn_index_out_of_bounds is the runtime's
//   panic (see machine-code.ts).

import { addressForm, callRoutine, callSteps, decoded, decoder, operand, type OperandForm as OperandFormOf, divideStep, entryLabel, functionAddress, functionAt, functionOf, heapByte, heapLoad, storeHeapByte, holds, isHeapAddress, labelIndex, layOutStrings, liveStep, machineInput, machineInterpreter, onePer, runTasks, stackLimit, stackTop, stringAt, symbolLabel, tailCall, type Call, type Condition, type Decodable, type DecodedOperand, registerOf, registerPlaces, Registers, readVariable, jumpStep, type Effect, type Ending, type Node, type Step } from "./machine-code.js";
import type { Scheduler } from "./scheduler.js";
import { runtimeRoutines, stackLimit as stackLimitSymbol } from "../ir-defs/runtime-routines.js";
import { entryOf, functionOfSymbol, functionsOf, functionSymbol } from "../ir-defs/functions.js";
import { wrap } from "../ir-defs/semantics.js";
import type { Interpreter, RuntimeModel } from "./runtime-model.js";
import { fullRegister } from "../ir-defs/aarch64/la64var.js";


const poison = wrap(0xdeadbeefdeadbeefn);
const callerSaved = [...Array.from({ length: 19 }, (_, i) => `x${i}`), "x30"];
/** What the caller (the runtime's _start) keeps in the callee-saved registers and x29. */
const callerValues: Readonly<Record<string, bigint>> = Object.fromEntries(
  Array.from({ length: 11 }, (_, i) => [`x${19 + i}`, BigInt(0x1900 + i)]),
);
/** Where the runtime's word qn_stack_limit is (it holds stackLimit). */
const stackLimitAddress = 0x5f_0010n;
/** The return address a call leaves in x30 (the model does not need the real one). */
const returnToCaller = 0x40_2000n;
/** Before La64 no prelude moves sp: a call moves it down this far itself, so
 * that the callee's outgoing arguments do not overwrite the caller's. */
const modelFrame = 4096n;
const calleeSaved = [...Array.from({ length: 10 }, (_, i) => `x${19 + i}`), "x29"];
const places = registerPlaces([...callerSaved, ...calleeSaved, "sp", "xzr"]);
const spAt = places.get("sp")!;

interface Machine {
  readonly model: RuntimeModel;
  /** The tasks' scheduler, the run's one (interp/scheduler.ts). */
  tasks: Scheduler;
  /** The task running's registers (each task has its own: see MachineTask). */
  registers: Registers;
  /** The variables and slots of the function running (before La64). */
  variables: Map<string, bigint>;
  slots: Map<number, bigint>;
  /** sp when the function running was called: its stack arguments are there. */
  entrySp: bigint;
  readonly blocks: readonly Node[];
  readonly labels: ReadonlyMap<string, number>;
  /** Each block's steps, found when it first runs. */
  code: (block: number) => readonly Step[];
  /** The program's functions, in order (their addresses are codeAddress(index)). */
  readonly functions: readonly string[];
  /** The task running's stack: 8-byte words by address. */
  memory: Map<bigint, bigint>;
  strings: Map<string, { address: bigint; bytes: Buffer }>;
  readonly dialect: Dialect;
  /** The last cmp's operands (flags = left - right), or null when no cmp set them since the last call. */
  flags: { left: bigint; right: bigint } | null;
  /** Before lower-calls: the arguments of the call running, and the value its `return` gives. */
  arguments: readonly bigint[];
  returned: bigint;
  /** L<t>coloured: each variable's home, a register or a slot, from the program's table of homes. */
  homes: ReadonlyMap<string, Node>;
  /** Each register as an operand, made when first used (registerOf). */
  readonly registerOperands: Map<string, DecodedOperand>;
}

type OperandForm = OperandFormOf<Machine>;

/** What an instruction does to control: nothing (go on), jump to a label, or return from main. */
type Instruction = (m: Machine, instr: Node) => Effect;

interface Dialect {
  readonly operands: Readonly<Record<string, OperandForm>>;
  readonly instructions: Readonly<Record<string, Instruction>>;
  /** La64 only: the prelude and conclusion exist, so main must restore the callee-saved registers. */
  readonly framed: boolean;
}

// ---------------------------------------------------------------- operands

function cell<K>(map: Map<K, bigint>, key: K, what: () => string): bigint {
  const value = map.get(key);
  if (value === undefined) throw new Error(`the aarch64 model read ${what()}, which was never written`);
  return value;
}

function register(m: Machine, name: string): bigint {
  return registerAt(m, m.registers.at(name));
}
function registerAt(m: Machine, at: number): bigint {
  const value = m.registers.values[at];
  if (value === undefined) throw new Error(`the aarch64 model read ${[...places.keys()][at]}, which was never written`);
  return value;
}

/** Memory is 8-byte words; nothing lives below sp (a signal could overwrite it). */
function checkAddress(m: Machine, at: bigint): bigint {
  if (at % 8n !== 0n) throw new Error(`unaligned memory access at ${at}`);
  if (at < registerAt(m, spAt)) throw new Error(`memory access at ${at}, below sp`);
  return at;
}
const load = (m: Machine, at: bigint): bigint => (isHeapAddress(at) ? heapLoad(m.model, at) : cell(m.memory, checkAddress(m, at), () => `memory at ${at}`));
const store = (m: Machine, at: bigint, value: bigint): void => (isHeapAddress(at) ? m.model.heap.store(at, wrap(value)) : void m.memory.set(checkAddress(m, at), wrap(value)));


/** Register `name`. A 32-bit view w<n> (ldrb's destination, strb's source) reads the low half of x<n>; writing it zeroes the high half. wzr reads 0. */
function registerOperand(m: Machine, name: string): DecodedOperand {
  const at = m.registers.at(fullRegister(name));
  if (name === "wzr") return { read: () => 0n, write: (value) => void (m.registers.values[at] = BigInt.asUintN(32, value)) };
  if (name.startsWith("w")) return { read: () => BigInt.asUintN(32, registerAt(m, at)), write: (value) => void (m.registers.values[at] = BigInt.asUintN(32, value)) };
  return { read: () => registerAt(m, at), write: (value) => void (m.registers.values[at] = wrap(value)) };
}

const varOperands: Readonly<Record<string, OperandForm>> = {
  Imm: {
    read: (_m, arg) => arg.value as bigint,
    write: () => { throw new Error("an instruction cannot write an immediate"); },
    decode(_m, arg) {
      const value = arg.value as bigint;
      return { read: () => value, write: () => { throw new Error("an instruction cannot write an immediate"); } };
    },
  },
  Reg: {
    read: (m, arg) => registerOf(m, arg.name, registerOperand).read(),
    write: (m, arg, value) => registerOf(m, arg.name, registerOperand).write(value),
    decode: (m, arg) => registerOf(m, arg.name, registerOperand),
  },
  Var: {
    read: (m, arg) => readVariable(m, arg.name, "aarch64"),
    write: (m, arg, value) => void m.variables.set(arg.name as string, wrap(value)),
    decode(m, arg) {
      const name = arg.name as string;
      return { read: () => readVariable(m, name, "aarch64"), write: (value) => void m.variables.set(name, wrap(value)) };
    },
  },
  // The caller's outgoing arguments, at the bottom of its frame: sp at the call, and up.
  StackArg: {
    read: (m, arg) => load(m, m.entrySp + 8n * BigInt(arg.index as number)),
    write: () => { throw new Error("an instruction cannot write a stack argument"); },
  },
  OutArg: {
    read: () => { throw new Error("an instruction cannot read an outgoing argument"); },
    write: (m, arg, value) => store(m, registerAt(m, spAt) + 8n * BigInt(arg.index as number), value),
  },
};

const { Var: _var, ...slotOperandsWithoutVar } = varOperands;
const slotOperands: Readonly<Record<string, OperandForm>> = {
  ...slotOperandsWithoutVar,
  Slot: {
    read: (m, arg) => cell(m.slots, arg.index as number, () => `slot${arg.index}`),
    write: (m, arg, value) => void m.slots.set(arg.index as number, wrap(value)),
    decode(m, arg) {
      const index = arg.index as number;
      return { read: () => cell(m.slots, index, () => `slot${index}`), write: (value) => void m.slots.set(index, wrap(value)) };
    },
  },
};

const address = (m: Machine, arg: Node): bigint => register(m, arg.base) + (arg.offset as bigint);
/** The address of [base, #offset], base found once. */
function addressOfMem(m: Machine, arg: Node): () => bigint {
  const [base, offset] = [m.registers.at(arg.base as string), arg.offset as bigint];
  return () => registerAt(m, base) + offset;
}
const { Slot: _slot, StackArg: _in, OutArg: _out, ...finalOperandsWithoutSlot } = slotOperands;
const finalOperands: Readonly<Record<string, OperandForm>> = {
  ...finalOperandsWithoutSlot,
  Mem: {
    read: (m, arg) => load(m, address(m, arg)),
    write: (m, arg, value) => store(m, address(m, arg), value),
    decode(m, arg) {
      const at = addressOfMem(m, arg);
      return { read: () => load(m, at()), write: (value) => store(m, at(), value) };
    },
  },
};

const form = (m: Machine, arg: Node): OperandForm => {
  const f = m.dialect.operands[arg.kind];
  if (!f) throw new Error(`the aarch64 model has no operand form ${arg.kind} here`);
  return f;
};
const read = (m: Machine, arg: Node): bigint => form(m, arg).read(m, arg);
const write = (m: Machine, arg: Node, value: bigint): void => form(m, arg).write(m, arg, value);
/** An operand of an instruction being decoded (machine-code.ts). */
const decodedOperand = (m: Machine, arg: Node) => operand(m, arg, m.dialect.operands, { read, write });

// ---------------------------------------------------------------- instructions

/** `op dst, left, right`: dst = left op right; the flags stay as they are. */
const threeAddress = (op: (left: bigint, right: bigint) => bigint): Instruction =>
  decoded<Machine>((m, i) => {
    const [dst, left, right] = [decodedOperand(m, i.dst), decodedOperand(m, i.left), decodedOperand(m, i.right)];
    return () => dst.write(op(left.read(), right.read()));
  });

/** `madd` and `msub dst, left, right, from`: dst = from ± left * right. */
const multiplyAccumulate = (op: (from: bigint, product: bigint) => bigint): Instruction =>
  decoded<Machine>((m, i) => {
    const [dst, from, left, right] = [decodedOperand(m, i.dst), decodedOperand(m, i.from), decodedOperand(m, i.left), decodedOperand(m, i.right)];
    return () => dst.write(op(from.read(), left.read() * right.read()));
  });

/** `op dst, src`: dst = op(src). */
const move = (op: (value: bigint) => bigint): Instruction =>
  decoded<Machine>((m, i) => {
    const [dst, src] = [decodedOperand(m, i.dst), decodedOperand(m, i.src)];
    return () => dst.write(op(src.read()));
  });

/** AArch64's conditions: lt, gt... compare signed; lo (lower), hi (higher)... unsigned, for addresses. */
const conditions: Readonly<Record<string, Condition>> = {
  eq: ["==", false], ne: ["!=", false], lt: ["<", false], le: ["<=", false], gt: [">", false], ge: [">=", false],
  lo: ["<", true], hs: [">=", true], ls: ["<=", true], hi: [">", true],
};

/** Whether condition `cond` holds of the flags, found once for an instruction. */
function condition(m: Machine, cond: string): () => boolean {
  const c = conditions[cond];
  return () => {
    if (!m.flags) throw new Error(`b.${cond}/cset ${cond} reads flags that no cmp set (or that a call destroyed)`);
    if (!c) throw new Error(`unknown condition ${cond}`);
    return holds(c, m.flags.left, m.flags.right);
  };
}

/** A routine of the runtime on `args` (a routine of tasks, through the scheduler: it may
 * switch); once it is done, the caller-saved registers are poisoned and `back` takes its
 * results (poison for a routine without one). */
function runtimeCall(m: Machine, symbol: string, args: readonly bigint[], back: (results: readonly bigint[]) => void): Effect {
  if (registerAt(m, spAt) % 16n !== 0n) throw new Error(`bl ${symbol} with sp not 16-byte aligned`);
  const ordinary = () => m.model.call(symbol, args, (at, length) => stringAt(m, at, length));
  return callRoutine(m.tasks, symbol, args, ordinary, (results) => {
    for (const r of callerSaved) m.registers.set(r, poison);
    m.flags = null;
    back(runtimeRoutines[symbol]?.result ? results.map(wrap) : [poison]);
  });
}

/** `bl qn_...`: the arguments in x0, x1, x2; the results in x0 (and qn_recv's second in x1). */
function callRuntime(m: Machine, symbol: string): Effect {
  return runtimeCall(m, symbol, [register(m, "x0"), register(m, "x1"), register(m, "x2")], (results) => {
    if (runtimeRoutines[symbol]?.result) m.registers.set("x0", results[0]!);
    if (results.length > 1) m.registers.set("x1", results[1]!);
  });
}

/** A call of the program's function `fn`: it must return with sp back where it was; `then` runs after. */
function callFunction(m: Machine, fn: string, then?: () => void): Call {
  const before = registerAt(m, spAt);
  if (before % 16n !== 0n) throw new Error(`bl ${functionSymbol(fn)} with sp not 16-byte aligned`);
  const kept = calleeSaved.map((r) => [r, m.registers.get(r)] as const);
  const frame = { variables: m.variables, slots: m.slots, entrySp: m.entrySp };
  [m.variables, m.slots, m.entrySp] = [new Map(), new Map(), before];
  m.registers.set("x30", returnToCaller);
  if (!m.dialect.framed) m.registers.set("sp", before - modelFrame);
  const back = (how: Ending) => {
    if (how === "conclusion") {
      // Before La64 the conclusion does not exist: do what it will (restore, ret).
      for (const [r, v] of kept) if (v !== undefined) m.registers.set(r, v);
      m.registers.set("sp", before);
    } else {
      for (const [r, v] of kept) if (m.registers.get(r) !== v) throw new Error(`${fn} returns without restoring ${r}`);
    }
    if (registerAt(m, spAt) !== before) throw new Error(`${fn} returns with sp = ${registerAt(m, spAt)}, not ${before}`);
    [m.variables, m.slots, m.entrySp] = [frame.variables, frame.slots, frame.entrySp];
    for (const r of callerSaved) if (r !== "x0") m.registers.set(r, poison);
    m.flags = null;
    then?.();
  };
  return { call: m.dialect.framed ? symbolLabel(fn) : entryLabel(fn), back };
}

/** How the model executes an instruction (found once per run: see decoder). */
function resolve(m: Machine, instr: Node): Step {
  const run = m.dialect.instructions[instr.kind];
  if (!run) return () => { throw new Error(`the aarch64 model has no instruction ${instr.kind} here`); };
  const decode = (run as Decodable<Machine>).decode;
  return decode ? decode(m, instr) : (i) => run(m, i);
}

function stringAddress(m: Machine, label: string): bigint {
  if (label === stackLimitSymbol) return stackLimitAddress;
  const data = m.strings.get(label);
  if (!data) throw new Error(`the address of ${label}, which labels no string`);
  return data.address;
}

const shiftCount = (count: bigint): bigint => BigInt.asUintN(6, count); // lslv/asrv take the count mod 64

const varInstructions: Readonly<Record<string, Instruction>> = {
  Mov: move((v) => v),
  Add: threeAddress((l, r) => l + r),
  AddScaled: threeAddress((l, r) => l + 8n * r),
  Sub: threeAddress((l, r) => l - r),
  Mul: threeAddress((l, r) => l * r),
  Sdiv: threeAddress((l, r) => (r === 0n ? 0n : l / r)), // as the machine: x / 0 is 0, MIN / -1 wraps to MIN
  Msub: multiplyAccumulate((from, product) => from - product),
  Madd: multiplyAccumulate((from, product) => from + product),
  And: threeAddress((l, r) => l & r),
  Orr: threeAddress((l, r) => l | r),
  Eor: threeAddress((l, r) => l ^ r),
  Lsl: threeAddress((l, r) => l << shiftCount(r)),
  Asr: threeAddress((l, r) => l >> shiftCount(r)),
  Lsr: threeAddress((l, r) => BigInt.asUintN(64, l) >> shiftCount(r)),
  Neg: move((v) => -v),
  Mvn: move((v) => ~v),
  Cmp: decoded<Machine>((m, i) => {
    const [left, right] = [decodedOperand(m, i.left), decodedOperand(m, i.right)];
    return () => void (m.flags = { left: left.read(), right: right.read() });
  }),
  Cset: decoded<Machine>((m, i) => {
    const [dst, holds] = [decodedOperand(m, i.dst), condition(m, i.cond)];
    return () => dst.write(holds() ? 1n : 0n);
  }),
  Csel: decoded<Machine>((m, i) => {
    const [dst, yes, no, holds] = [decodedOperand(m, i.dst), decodedOperand(m, i.yes), decodedOperand(m, i.no), condition(m, i.cond)];
    return () => { // both operands are read whichever is taken
      const [y, n] = [yes.read(), no.read()];
      dst.write(holds() ? y : n);
    };
  }),
  Adrp: (m, i) => write(m, i.dst, stringAddress(m, i.symbol) & ~0xfffn), // the 4 KiB page of the label
  AddLo12: (m, i) => write(m, i.dst, read(m, i.src) + (stringAddress(m, i.symbol) & 0xfffn)), // plus its offset in the page
  AdrpFn: (m, i) => write(m, i.dst, functionAddress(m, i.symbol) & ~0xfffn),
  AddLo12Fn: (m, i) => write(m, i.dst, read(m, i.src) + (functionAddress(m, i.symbol) & 0xfffn)),
  Bl(m, i) {
    const fn = functionOf(i.target);
    return fn === null ? callRuntime(m, i.target) : callFunction(m, fn);
  },
  Blr: (m, i) => callFunction(m, functionAt(m, read(m, i.callee))),
  // Before La64: the callee runs in this call's place, with a frame of its own.
  TailCall: (m, i) => tailCall(m, functionOf(i.target) ?? ""),
  TailCallIndirect: (m, i) => tailCall(m, functionAt(m, read(m, i.callee))),
  Load: decoded<Machine>((m, i) => {
    const [dst, base, offset] = [decodedOperand(m, i.dst), decodedOperand(m, i.base), i.offset as bigint];
    return () => dst.write(load(m, base.read() + offset));
  }),
  Store: decoded<Machine>((m, i) => {
    const [src, base, offset] = [decodedOperand(m, i.src), decodedOperand(m, i.base), i.offset as bigint];
    return () => store(m, base.read() + offset, src.read());
  }),
  LoadByte: (m, i) => write(m, i.dst, heapByte(m.model, read(m, i.base) + (i.offset as bigint))),
  StoreByte: (m, i) => storeHeapByte(m.model, read(m, i.base) + (i.offset as bigint), read(m, i.src)),
  B: jumpStep<Machine>(),
  BCond: jumpStep<Machine>((m, i) => condition(m, i.cond)),
  Cbz: jumpStep<Machine>((m, i) => {
    const src = decodedOperand(m, i.src);
    return () => src.read() === 0n;
  }),
};

// Before lower-calls and lower-division (La64calls, La64select).
const callsOperands: Readonly<Record<string, OperandForm>> = {
  ...varOperands,
  Address: addressForm,
};
const callsInstructions: Readonly<Record<string, Instruction>> = { ...varInstructions, ...callSteps<Machine>({ operand: decodedOperand, callRuntime: runtimeCall, callFunction }) };
/** base + offset (+ scale * index), of La64memory's heap accesses. */
const heapAddress = (m: Machine, i: Node, scale = 8n): bigint => read(m, i.base) + (i.offset as bigint) + (i.index ? scale * read(m, i.index) : 0n);
const memoryInstructions: Readonly<Record<string, Instruction>> = {
  ...callsInstructions,
  LoadHeap: (m, i) => write(m, i.dst, load(m, heapAddress(m, i))),
  StoreHeap: (m, i) => store(m, heapAddress(m, i), read(m, i.src)),
  LoadHeapByte: (m, i) => write(m, i.dst, heapByte(m.model, heapAddress(m, i, 1n))),
  StoreHeapByte: (m, i) => storeHeapByte(m.model, heapAddress(m, i, 1n), read(m, i.src)),
  IncHeap: (m, i) => store(m, read(m, i.base), load(m, read(m, i.base)) + 1n),
};
const selectInstructions: Readonly<Record<string, Instruction>> = {
  ...memoryInstructions,
  Divide(m, i) {
    const r = divideStep((arg) => read(m, arg), i);
    if ("jump" in r) return r;
    if (r.value !== null) write(m, i.dst, r.value);
  },
};

const patchedInstructions: Readonly<Record<string, Instruction>> = {
  ...varInstructions,
  Ldr: move((v) => v),
  Str: move((v) => v),
  Movz: (m, i) => write(m, i.dst, BigInt(i.value) << BigInt(i.shift)),
  Movk(m, i) {
    const at = BigInt(i.shift);
    write(m, i.dst, (BigInt.asUintN(64, read(m, i.dst)) & ~(0xffffn << at)) | (BigInt(i.value) << at));
  },
};

const finalInstructions: Readonly<Record<string, Instruction>> = {
  ...patchedInstructions,
  Stp(m, i) { // stp first, second, [sp, #-16]!
    const [first, second] = [read(m, i.first), read(m, i.second)];
    const sp = registerAt(m, spAt) - 16n;
    m.registers.values[spAt] = sp;
    store(m, sp, first);
    store(m, sp + 8n, second);
  },
  Ldp(m, i) { // ldp first, second, [sp], #16
    const sp = registerAt(m, spAt);
    const [first, second] = [load(m, sp), load(m, sp + 8n)];
    write(m, i.first, first);
    write(m, i.second, second);
    m.registers.values[spAt] = sp + 16n;
  },
  StpAt(m, i) { // stp first, second, [base, #offset]: the word at offset, then the one after it
    const [first, second] = [read(m, i.first), read(m, i.second)];
    write(m, i.dst, first);
    write(m, { ...(i.dst as Node), offset: (i.dst as Node).offset as bigint + 8n }, second);
  },
  LdpAt(m, i) { // ldp first, second, [base, #offset]
    const [first, second] = [read(m, i.src), read(m, { ...(i.src as Node), offset: (i.src as Node).offset as bigint + 8n })];
    write(m, i.first, first);
    write(m, i.second, second);
  },
  Br: (m, i) => ({ jump: functionSymbol(functionAt(m, read(m, i.target))) }),
  LdrLo12(m, i) {
    const at = register(m, i.base) + (stringAddress(m, i.symbol) & 0xfffn);
    if (at !== stackLimitAddress) throw new Error(`ldr of ${i.symbol}, which is no word of the runtime`);
    write(m, i.dst, stackLimit);
  },
  Ret(m) {
    const to = register(m, "x30");
    if (to !== returnToCaller) throw new Error(`ret to ${to}, which is not where the call came from`);
    return { returned: true };
  },
};

// ---------------------------------------------------------------- running

/** What each task has of its own (MachineTask): at its start, what _start gives main. */
function freshContext(): Partial<Machine> {
  const registers = new Registers(places);
  for (const r of callerSaved) registers.set(r, poison);
  for (const [r, v] of Object.entries(callerValues)) registers.set(r, v);
  registers.set("sp", stackTop); // as _start calls qn_main, and qn_task_run a task's code
  return { registers, memory: new Map(), variables: new Map(), slots: new Map(), entrySp: 0n, flags: null, arguments: [], returned: 0n };
}

function run(dialect: Dialect, program: Node, model: RuntimeModel): void {
  const { blocks, data, homes } = machineInput(program);
  const m: Machine = {
    model, dialect, blocks, labels: labelIndex(blocks), functions: functionsOf(blocks as unknown as { label: string }[]),
    ...(freshContext() as Pick<Machine, "registers" | "memory" | "variables" | "slots" | "entrySp" | "flags" | "arguments" | "returned">),
    strings: new Map(), homes: new Map(), registerOperands: new Map(), code: () => [], tasks: null as unknown as Scheduler, // (tasks: set by runTasks)
  };
  m.code = decoder(blocks, (instr) => resolve(m, instr));
  m.strings = layOutStrings(data, model.heap, m.functions);
  m.homes = new Map(homes.map((h) => [h.var as string, h.home as Node]));
  runTasks(m, freshContext, "x0", callFunction);
}

/** The interpreter of a dialect, one per dialect: ILs run alike share it (interp/tree.ts says why). */
const interpreter = onePer((dialect: Dialect): Interpreter => machineInterpreter((program, model) => run(dialect, program, model)));

const varDialect: Dialect = { operands: varOperands, instructions: varInstructions, framed: false };
const callsDialect: Dialect = { operands: callsOperands, instructions: callsInstructions, framed: false };
const memoryDialect: Dialect = { ...callsDialect, instructions: memoryInstructions };
const selectDialect: Dialect = { ...callsDialect, instructions: selectInstructions };
const liveDialect: Dialect = { ...varDialect, instructions: { ...varInstructions, Live: liveStep<Machine>(varInstructions) } };
const slotDialect: Dialect = { ...varDialect, operands: slotOperands };
/** L<t>coloured: the program of L<t>homes, its variables still named, each run in its home (so a wrong colouring fails at allocate-registers). */
const homeOf = (m: Machine, arg: Node): Node => m.homes.get(arg.name as string) ?? arg;
const colouredDialect: Dialect = {
  ...slotDialect,
  operands: {
    ...slotOperands,
    Var: { read: (m, arg) => read(m, homeOf(m, arg)), write: (m, arg, value) => write(m, homeOf(m, arg), value), decode: (m, arg) => decodedOperand(m, homeOf(m, arg)) },
  },
};
const patchedDialect: Dialect = { ...slotDialect, instructions: patchedInstructions };
const finalDialect: Dialect = { operands: finalOperands, instructions: finalInstructions, framed: true };

export const interpreters: Record<string, Interpreter> = {
  La64select: interpreter(selectDialect),
  La64memory: interpreter(memoryDialect),
  La64calls: interpreter(callsDialect),
  La64var: interpreter(varDialect),
  La64live: interpreter(liveDialect),
  La64graph: interpreter(varDialect),
  La64costs: interpreter(varDialect),
  La64coloured: interpreter(colouredDialect),
  La64homes: interpreter(slotDialect),
  La64patched: interpreter(patchedDialect),
  La64: interpreter(finalDialect),
};
