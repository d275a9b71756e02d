// The machine model of x86-64: one small interpreter for all six x86 ILs.
//
// It is a table of operand forms and a table of instructions. Each IL's tables
// are its predecessor's plus what that IL adds, exactly as the ILs are defined:
//
//     Lx86select   Lx86calls + div, rem: Quastra's / and % (lower-division expands them)
//     Lx86calls    Lx86var with calls, params and return on operands ($label: an address),
//                  the arguments handed over as values (lower-calls expands them)
//     Lx86var      Imm, Reg, Var operands; the instructions selection emits
//     Lx86live     + Live: runs its instruction, then forgets the variables not live after it
//     Lx86graph    the tables of Lx86var   (the interference graph is not run)
//     Lx86costs    the same                (nor the spill costs)
//     Lx86coloured - Var + Slot; a variable is read and written in its home from the table
//     Lx86homes    - Var + Slot            (assign-homes)
//     Lx86patched  the same tables         (only invariants change)
//     Lx86         - Slot + Mem; pushq, popq, retq; calls must be 16-byte aligned
//
// The state is what the real machine has: 64-bit registers (with the byte views
// %al and %cl), the flags, and memory (a map from address to 64-bit value; %rsp
// starts high and the stack grows down). Variables and slots, which no machine
// has, live in their own maps. Values are bigints wrapped to 64 bits. Heap
// objects (and the program's string objects) are the runtime model's heap
// (heap.ts): a load, store or inc at an address above the stack goes there.
//
// Calls of the program's functions nest: each call pushes a return address,
// runs the callee (by its symbol in Lx86, from its entry block before), and
// checks on return that %rsp is back and the return address was the one
// pushed. Before Lx86, where no prelude exists yet, each call gets its own
// variables and slots (a frame), `stackarg k` reads the caller's k-th pushed
// argument, and the callee-saved registers are restored at the return as the
// prelude and conclusion will do; in Lx86 a callee that does not restore them is
// an error. After every call the caller-saved registers but %rax are poisoned.
// The calls nest on the runner's stack of frames (machine-code.ts), not on
// JavaScript's.
//
// Tasks (issue 19): the runtime's task and channel routines (qn_spawn, qn_send,
// qn_recv with its two results in %rax and %rdx, ...) go to the run's one
// scheduler (interp/scheduler.ts); main and each spawned task have their own
// registers, flags and stack memory (MachineTask), so a routine that switches
// keeps the callee-saved registers, as the runtime does, and poisons the others.
//
// Like the machine, and unlike a tree interpreter, it is unforgiving:
// - a `callq qn_*` goes to the runtime model with %rdi, %rsi, %rdx as arguments and
//   the result in %rax, and then sets every caller-saved register to a poison
//   value, so code that keeps a value in one across a call goes wrong here too;
// - reading a variable, slot or memory cell that was never written, reading the
//   flags after an instruction that changed them, memory below %rsp or a call
//   with a misaligned stack (Lx86), an idivq that would trap (by zero, or
//   MIN / -1), or a return that does not restore %rsp and the callee-saved
//   registers is an error (a bug in the compiler), not an outcome;
// - a jump to qn_division_by_zero or qn_index_out_of_bounds is the runtime's
//   panic (see machine-code.ts).

import { addressForm, callRoutine, callSteps, codeAddress, decoded, decoder, operand, type OperandForm as OperandFormOf, divideStep, entryLabel, functionAt, functionOf, heapByte, heapLoad, storeHeapByte, holds, isHeapAddress, labelIndex, layOutStrings, liveStep, machineInput, machineInterpreter, onePer, runTasks, stackLimit, stackTop, stringAt, symbolLabel, tailCall, type Call, type Condition, type Decodable, type DecodedOperand, registerOf, registerPlaces, Registers, readVariable, jumpStep, type Effect, type Ending, type Node, type Step } from "./machine-code.js";
import type { Scheduler } from "./scheduler.js";
import { entryOf, functionOfSymbol, functionsOf, functionSymbol } from "../ir-defs/functions.js";
import { wrap } from "../ir-defs/semantics.js";
import type { Interpreter, RuntimeModel } from "./runtime-model.js";


const poison = wrap(0x5a5a5a5a5a5a5a5an);
const callerSaved = ["rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"] as const;
/** What the caller (the runtime's _start) keeps in the callee-saved registers. */
const callerValues: Readonly<Record<string, bigint>> = { rbx: 0x1111n, rbp: 0n, r12: 0x1212n, r13: 0x1313n, r14: 0x1414n, r15: 0x1515n };
/** The return address a call pushes (the model does not need the real one). */
const returnToCaller = 0x40_2000n;
/** Where the code of the i-th function of the program is, for leaq of a function. */
const calleeSaved = ["rbx", "r12", "r13", "r14", "r15", "rbp"] as const;
const byteViews: ReadonlyMap<string, string> = new Map([["al", "rax"], ["cl", "rcx"]]);
const places = registerPlaces([...callerSaved, ...calleeSaved, "rsp"]);
const [rspAt, raxAt, rdxAt] = [places.get("rsp")!, places.get("rax")!, places.get("rdx")!];

interface Machine {
  readonly model: RuntimeModel;
  /** The tasks' scheduler, the run's one (interp/scheduler.ts). */
  tasks: Scheduler;
  /** The task running's registers (each task has its own: see MachineTask). */
  registers: Registers;
  /** The variables and slots of the function running (before Lx86). */
  variables: Map<string, bigint>;
  slots: Map<number, bigint>;
  /** %rsp just after the call into the function running pushed its return address. */
  entryRsp: bigint;
  readonly blocks: readonly Node[];
  readonly labels: ReadonlyMap<string, number>;
  /** Each block's steps, found when it first runs. */
  code: (block: number) => readonly Step[];
  /** The program's functions, in order (their addresses are codeAddress(index)). */
  readonly functions: readonly string[];
  /** The task running's stack: by address (addresses are small enough for a number). */
  memory: Map<number, bigint>;
  strings: Map<string, { address: bigint; bytes: Buffer }>;
  readonly dialect: Dialect;
  /** The last cmpq's operands (flags = left - right), after andq, orq or xorq its result and 0 (as `cmpq $0, dst`), or null once another instruction changed them. */
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
  /** Lx86 only: the program manages %rsp itself, so calls must find it 16-byte aligned. */
  readonly framed: boolean;
}

// ---------------------------------------------------------------- operands

function cell<K>(map: Map<K, bigint>, key: K, what: () => string): bigint {
  const value = map.get(key);
  if (value === undefined) throw new Error(`the x86_64 model read ${what()}, which was never written`);
  return value;
}

function register(m: Machine, name: string): bigint {
  return registerAt(m, m.registers.at(name));
}
function registerAt(m: Machine, at: number): bigint {
  const value = m.registers.values[at];
  if (value === undefined) throw new Error(`the x86_64 model read %${[...places.keys()][at]}, which was never written`);
  return value;
}

/** %name, or the byte view %al or %cl of %rax or %rcx (writing it keeps the other bytes). */
function registerOperand(m: Machine, name: string): DecodedOperand {
  const full = byteViews.get(name);
  if (full !== undefined) {
    const at = m.registers.at(full);
    return {
      read: () => BigInt.asUintN(8, registerAt(m, at)),
      write: (value) => void (m.registers.values[at] = wrap((registerAt(m, at) & ~0xffn) | BigInt.asUintN(8, value))),
    };
  }
  const at = m.registers.at(name);
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
    read: (m, arg) => readVariable(m, arg.name, "x86_64"),
    write: (m, arg, value) => void m.variables.set(arg.name as string, wrap(value)),
    decode(m, arg) {
      const name = arg.name as string;
      return { read: () => readVariable(m, name, "x86_64"), write: (value) => void m.variables.set(name, wrap(value)) };
    },
  },
  // Above the return address: what the caller pushed, the first argument lowest.
  StackArg: {
    read: (m, arg) => cell(m.memory, Number(m.entryRsp + 8n + 8n * BigInt(arg.index as number)), () => `stackarg ${arg.index}`),
    write: () => { throw new Error("an instruction cannot write a stack argument"); },
  },
};

/** A table without one of its forms (what an IL's `remove` does to the model). */
function without<T>(table: Readonly<Record<string, T>>, kind: string): Record<string, T> {
  return Object.fromEntries(Object.entries(table).filter(([k]) => k !== kind));
}

const slotOperands: Readonly<Record<string, OperandForm>> = {
  ...without(varOperands, "Var"),
  Slot: {
    read: (m, arg) => cell(m.slots, arg.index as number, () => `slot${arg.index}`),
    write: (m, arg, value) => void m.slots.set(arg.index as number, wrap(value)),
    decode(m, arg) {
      const index = arg.index as number;
      return { read: () => cell(m.slots, index, () => `slot${index}`), write: (value) => void m.slots.set(index, wrap(value)) };
    },
  },
};

/** The address of `offset(%base)`, %base found once; below %rsp is off limits (a call would overwrite it). */
function addressOfMem(m: Machine, arg: Node): () => number {
  const [base, offset] = [m.registers.at(arg.base as string), Number(arg.offset as bigint)];
  return () => {
    const at = Number(registerAt(m, base)) + offset; // stack addresses are small
    if (at < Number(registerAt(m, rspAt))) throw new Error(`${arg.offset}(%${arg.base}) lies below %rsp, outside the frame`);
    return at;
  };
}
const address = (m: Machine, arg: Node): number => addressOfMem(m, arg)();
const finalOperands: Readonly<Record<string, OperandForm>> = {
  ...without(without(slotOperands, "Slot"), "StackArg"),
  Mem: {
    read: (m, arg) => cell(m.memory, address(m, arg), () => `memory at ${arg.offset}(%${arg.base})`),
    write: (m, arg, value) => void m.memory.set(address(m, arg), wrap(value)),
    decode(m, arg) {
      const at = addressOfMem(m, arg);
      return {
        read: () => cell(m.memory, at(), () => `memory at ${arg.offset}(%${arg.base})`),
        write: (value) => void m.memory.set(at(), wrap(value)),
      };
    },
  },
};

const form = (m: Machine, arg: Node): OperandForm => {
  const f = m.dialect.operands[arg.kind];
  if (!f) throw new Error(`the x86_64 model has no operand form ${arg.kind} here`);
  return f;
};
const read = (m: Machine, arg: Node): bigint => form(m, arg).read(m, arg);
const write = (m: Machine, arg: Node, value: bigint): void => form(m, arg).write(m, arg, value);

/** An operand of an instruction being decoded (machine-code.ts). */
const decodedOperand = (m: Machine, arg: Node) => operand(m, arg, m.dialect.operands, { read, write });

// ---------------------------------------------------------------- instructions

/** `op src, dst`: dst = dst op src; the flags are then `flagsAfter`'s, from the new dst. */
const twoOperand = (op: (dst: bigint, src: bigint) => bigint, flagsAfter: (dst: { read(): bigint }) => Machine["flags"]): Instruction =>
  decoded<Machine>((m, i) => {
    const [dst, src] = [decodedOperand(m, i.dst), decodedOperand(m, i.src)];
    return () => {
      dst.write(op(dst.read(), src.read()));
      m.flags = flagsAfter(dst);
    };
  });
/** `addq`, `subq`, `imulq`: the flags are changed (no later instruction reads them). */
const arithmetic = (op: (dst: bigint, src: bigint) => bigint): Instruction => twoOperand(op, () => null);
/** `andq`, `orq`, `xorq`: the flags are those `cmpq $0, dst` would set after it
 * (zero and sign from the result, no carry, no overflow), so any j<cc> reads them as that compare. */
const logical = (op: (dst: bigint, src: bigint) => bigint): Instruction => twoOperand(op, (dst) => ({ left: dst.read(), right: 0n }));
const shift = (op: (value: bigint, count: bigint) => bigint): Instruction =>
  decoded<Machine>((m, i) => {
    const [dst, count] = [decodedOperand(m, i.dst), decodedOperand(m, i.count)];
    return () => {
      dst.write(op(dst.read(), BigInt.asUintN(6, count.read()))); // the count is taken mod 64
      m.flags = null;
    };
  });
/** `op src, dst` of one operand read and another written: dst = op(src). */
const unaryStep = (op: (value: bigint) => bigint, flags: "kept" | "changed" = "kept"): Instruction =>
  decoded<Machine>((m, i) => {
    const [src, dst] = [decodedOperand(m, i.src ?? i.dst), decodedOperand(m, i.dst)];
    return () => {
      dst.write(op(src.read()));
      if (flags === "changed") m.flags = null;
    };
  });

/** x86-64's condition codes: l, g... compare signed; b (below), a (above)... unsigned, for addresses. */
const conditions: Readonly<Record<string, Condition>> = {
  e: ["==", false], ne: ["!=", false], l: ["<", false], le: ["<=", false], g: [">", false], ge: [">=", false],
  b: ["<", true], ae: [">=", true], be: ["<=", true], a: [">", true],
};

/** Whether condition code `cc` holds of the flags, found once for an instruction. */
function condition(m: Machine, cc: string): () => boolean {
  const c = conditions[cc];
  return () => {
    if (!m.flags) throw new Error(`j${cc}/set${cc} reads flags that no cmpq set (or that another instruction changed)`);
    if (!c) throw new Error(`unknown condition code ${cc}`);
    return holds(c, m.flags.left, m.flags.right);
  };
}

/** idivq: %rdx:%rax divided by the operand, rounding toward zero. The machine traps
 * (SIGFPE) on a zero divisor or a quotient that does not fit in 64 bits (MIN / -1);
 * compiled code must never let that happen, so here it is an error. */
const divide = decoded<Machine>((m, i) => {
  const src = decodedOperand(m, i.src);
  return () => {
    const dividend = (registerAt(m, rdxAt) << 64n) | BigInt.asUintN(64, registerAt(m, raxAt));
    const divisor = src.read();
    if (divisor === 0n) throw new Error("idivq by zero: the machine traps");
    const quotient = dividend / divisor;
    if (quotient !== wrap(quotient)) throw new Error(`idivq: ${dividend} / ${divisor} does not fit in 64 bits: the machine traps`);
    m.registers.values[raxAt] = quotient;
    m.registers.values[rdxAt] = dividend % divisor;
    m.flags = null;
  };
});

/** The word at an address: of the heap, or of the stack (not below %rsp). */
function loadWord(m: Machine, at: bigint): bigint {
  if (isHeapAddress(at)) return heapLoad(m.model, at);
  if (at < registerAt(m, rspAt)) throw new Error(`a load at ${at}, below %rsp`);
  return cell(m.memory, Number(at), () => `memory at ${at}`);
}
function storeWord(m: Machine, at: bigint, value: bigint): void {
  if (isHeapAddress(at)) return m.model.heap.store(at, wrap(value));
  if (at < registerAt(m, rspAt)) throw new Error(`a store at ${at}, below %rsp`);
  m.memory.set(Number(at), wrap(value));
}
/** The address of a load or store, found once for an instruction: base + offset (+ scale * index). */
function addressOf(m: Machine, i: Node, scale = 8n): () => bigint {
  const [base, offset] = [decodedOperand(m, i.base), i.offset as bigint];
  if (!i.index) return () => base.read() + offset;
  const index = decodedOperand(m, i.index);
  return () => base.read() + offset + scale * index.read();
}

/** A routine of the runtime on `args` (a routine of tasks, through the scheduler: it may
 * switch); once it is done, every caller-saved register is poisoned and `back` takes its results. */
function runtimeCall(m: Machine, symbol: string, args: readonly bigint[], back: (results: readonly bigint[]) => void): Effect {
  if (m.dialect.framed && registerAt(m, rspAt) % 16n !== 0n) throw new Error(`callq ${symbol} with %rsp not 16-byte aligned`);
  const ordinary = () => m.model.call(symbol, args, (at, length) => stringAt(m, at, length));
  return callRoutine(m.tasks, symbol, args, ordinary, (results) => {
    for (const r of callerSaved) m.registers.set(r, poison);
    m.flags = null;
    back(results.map(wrap));
  });
}

/** `callq qn_...`: the arguments in %rdi, %rsi, %rdx; the results in %rax (and qn_recv's second in %rdx). */
function callRuntime(m: Machine, symbol: string): Effect {
  return runtimeCall(m, symbol, [register(m, "rdi"), register(m, "rsi"), register(m, "rdx")], (results) => {
    m.registers.set("rax", results[0] ?? poison);
    if (results.length > 1) m.registers.set("rdx", results[1]!);
  });
}

/** A call of the program's function `fn`: it must return with %rsp back where it was; `then` runs after. */
function callFunction(m: Machine, fn: string, then?: () => void): Call {
  if (m.dialect.framed && registerAt(m, rspAt) % 16n !== 0n) throw new Error(`callq ${functionSymbol(fn)} with %rsp not 16-byte aligned`);
  const before = registerAt(m, rspAt);
  const kept = calleeSaved.map((r) => [r, m.registers.get(r)] as const);
  const frame = { variables: m.variables, slots: m.slots, entryRsp: m.entryRsp };
  push(m, returnToCaller);
  [m.variables, m.slots, m.entryRsp] = [new Map(), new Map(), registerAt(m, rspAt)];
  const back = (how: Ending) => {
    if (how === "conclusion") {
      // Before Lx86 the conclusion does not exist: do what it will (restore, ret).
      for (const [r, v] of kept) if (v !== undefined) m.registers.set(r, v);
      if (pop(m) !== returnToCaller) throw new Error(`${fn} returns to the wrong address`);
    } else {
      for (const [r, v] of kept) if (m.registers.get(r) !== v) throw new Error(`${fn} returns without restoring %${r}`);
    }
    if (registerAt(m, rspAt) !== before) throw new Error(`${fn} returns with %rsp = ${registerAt(m, rspAt)}, not ${before}`);
    [m.variables, m.slots, m.entryRsp] = [frame.variables, frame.slots, frame.entryRsp];
    for (const r of callerSaved) if (r !== "rax") m.registers.set(r, poison);
    m.flags = null;
    then?.();
  };
  return { call: m.dialect.framed ? symbolLabel(fn) : entryLabel(fn), back };
}

/** How the model executes an instruction (found once per run: see decoder). */
function resolve(m: Machine, instr: Node): Step {
  const run = m.dialect.instructions[instr.kind];
  if (!run) return () => { throw new Error(`the x86_64 model has no instruction ${instr.kind} here`); };
  const decode = (run as Decodable<Machine>).decode;
  return decode ? decode(m, instr) : (i) => run(m, i);
}

const varInstructions: Readonly<Record<string, Instruction>> = {
  Movq: decoded<Machine>((m, i) => {
    const [src, dst] = [decodedOperand(m, i.src), decodedOperand(m, i.dst)];
    return () => dst.write(src.read());
  }),
  Addq: arithmetic((d, s) => d + s),
  Subq: arithmetic((d, s) => d - s),
  Imulq: arithmetic((d, s) => d * s),
  Andq: logical((d, s) => d & s),
  Orq: logical((d, s) => d | s),
  Xorq: logical((d, s) => d ^ s),
  Negq: unaryStep((v) => -v, "changed"),
  Notq: unaryStep((v) => ~v),
  Salq: shift((v, n) => v << n),
  Sarq: shift((v, n) => v >> n),
  Shrq: shift((v, n) => BigInt.asUintN(64, v) >> n),
  Cmpq: decoded<Machine>((m, i) => {
    const [left, right] = [decodedOperand(m, i.left), decodedOperand(m, i.right)];
    return () => void (m.flags = { left: left.read(), right: right.read() });
  }),
  Set: decoded<Machine>((m, i) => {
    const [dst, holds] = [decodedOperand(m, i.dst), condition(m, i.cc)];
    return () => dst.write(holds() ? 1n : 0n);
  }),
  Cmov: decoded<Machine>((m, i) => {
    const [src, dst, holds] = [decodedOperand(m, i.src), decodedOperand(m, i.dst), condition(m, i.cc)];
    return () => { // both operands are read whether or not the move happens
      const [s, d] = [src.read(), dst.read()];
      dst.write(holds() ? s : d);
    };
  }),
  Cqto: (m) => void (m.registers.values[rdxAt] = registerAt(m, raxAt) < 0n ? -1n : 0n),
  Idivq: divide,
  Movzbq: unaryStep((v) => BigInt.asUintN(8, v)),
  Leaq(m, i) {
    const data = m.strings.get(i.label);
    if (!data) throw new Error(`leaq of ${i.label}, which labels no string`);
    write(m, i.dst, data.address);
  },
  Callq(m, i) {
    const fn = functionOf(i.target);
    return fn === null ? callRuntime(m, i.target) : callFunction(m, fn);
  },
  CallqIndirect: (m, i) => callFunction(m, functionAt(m, read(m, i.callee))),
  // Before Lx86: the callee runs in this call's place, with a frame of its own.
  TailCall: (m, i) => tailCall(m, functionOf(i.target) ?? ""),
  TailCallIndirect: (m, i) => tailCall(m, functionAt(m, read(m, i.callee))),
  LeaFn(m, i) {
    const index = m.functions.indexOf(functionOfSymbol(i.target) ?? "");
    if (index < 0) throw new Error(`leaq of ${i.target}, which labels no function`);
    write(m, i.dst, codeAddress(index));
  },
  Load: loadStep(8n),
  LoadIndexed: loadStep(8n),
  LeaScaled: decoded<Machine>((m, i) => {
    const [dst, base, scale, index] = [decodedOperand(m, i.dst), decodedOperand(m, i.base), i.scale as bigint, decodedOperand(m, i.index)];
    return () => dst.write(base.read() + scale * index.read());
  }),
  Store: storeStep(8n),
  StoreIndexed: storeStep(8n),
  LoadByte: loadStep(1n),
  StoreByte: storeStep(1n),
  IncMem(m, i) {
    const at = read(m, i.base);
    storeWord(m, at, loadWord(m, at) + 1n);
    m.flags = null;
  },
  Pushq: decoded<Machine>((m, i) => {
    const src = decodedOperand(m, i.src);
    return () => push(m, src.read());
  }),
  Jmp: jumpStep<Machine>(),
  JmpIf: jumpStep<Machine>((m, i) => condition(m, i.cc)),
};

/** A load of a word (`size` 8) or a byte (1, of the heap) at the instruction's address. */
function loadStep(size: 8n | 1n): Instruction {
  return decoded<Machine>((m, i) => {
    const [dst, at] = [decodedOperand(m, i.dst), addressOf(m, i, size)];
    return size === 8n ? () => dst.write(loadWord(m, at())) : () => dst.write(heapByte(m.model, at()));
  });
}
/** A store of a word (`size` 8) or a byte (1, of the heap) at the instruction's address. */
function storeStep(size: 8n | 1n): Instruction {
  return decoded<Machine>((m, i) => {
    const [src, at] = [decodedOperand(m, i.src), addressOf(m, i, size)];
    return size === 8n ? () => storeWord(m, at(), src.read()) : () => storeHeapByte(m.model, at(), src.read());
  });
}

function push(m: Machine, value: bigint): void {
  const rsp = registerAt(m, rspAt) - 8n;
  m.registers.values[rspAt] = rsp;
  m.memory.set(Number(rsp), wrap(value));
}
function pop(m: Machine): bigint {
  const rsp = registerAt(m, rspAt);
  const value = cell(m.memory, Number(rsp), () => "the stack at %rsp");
  m.registers.values[rspAt] = rsp + 8n;
  return value;
}

// Before lower-calls and lower-division (Lx86calls, Lx86select).
const callsOperands: Readonly<Record<string, OperandForm>> = {
  ...varOperands,
  Address: addressForm,
};
const callsInstructions: Readonly<Record<string, Instruction>> = { ...varInstructions, ...callSteps<Machine>({ operand: decodedOperand, callRuntime: runtimeCall, callFunction }) };
const selectInstructions: Readonly<Record<string, Instruction>> = {
  ...callsInstructions,
  Divide(m, i) { // what lower-division makes of it clobbers %rax, %rdx and the flags
    const r = divideStep((arg) => read(m, arg), i);
    if ("jump" in r) return r;
    for (const reg of ["rax", "rdx"]) m.registers.set(reg, poison);
    m.flags = null;
    if (r.value !== null) write(m, i.dst, r.value);
  },
};

const finalInstructions: Readonly<Record<string, Instruction>> = {
  ...varInstructions,
  Popq: decoded<Machine>((m, i) => {
    const dst = decodedOperand(m, i.dst);
    return () => dst.write(pop(m));
  }),
  CheckStack: (m) => { m.flags = { left: registerAt(m, rspAt), right: stackLimit }; },
  JmpIndirect: (m, i) => ({ jump: functionSymbol(functionAt(m, read(m, i.target))) }),
  Retq(m) {
    const to = pop(m);
    if (to !== returnToCaller) throw new Error(`retq to ${to}, which is not where the call came from`);
    return { returned: true };
  },
};

// ---------------------------------------------------------------- running

/** What each task has of its own (MachineTask): at its start, what _start gives main. */
function freshContext(): Partial<Machine> {
  const registers = new Registers(places);
  for (const r of callerSaved) registers.set(r, poison);
  for (const [r, v] of Object.entries(callerValues)) registers.set(r, v);
  registers.set("rsp", stackTop); // _start calls qn_main, and qn_task_run a task's code, with %rsp 16-byte aligned
  return { registers, memory: new Map(), variables: new Map(), slots: new Map(), entryRsp: 0n, flags: null, arguments: [], returned: 0n };
}

function run(dialect: Dialect, program: Node, model: RuntimeModel): void {
  const { blocks, data, homes } = machineInput(program);
  const m: Machine = {
    model, dialect, blocks, labels: labelIndex(blocks), functions: functionsOf(blocks as unknown as { label: string }[]),
    ...(freshContext() as Pick<Machine, "registers" | "memory" | "variables" | "slots" | "entryRsp" | "flags" | "arguments" | "returned">),
    strings: new Map(), homes: new Map(), registerOperands: new Map(), code: () => [], tasks: null as unknown as Scheduler, // (tasks: set by runTasks)
  };
  m.code = decoder(blocks, (instr) => resolve(m, instr));
  m.strings = layOutStrings(data, model.heap, m.functions);
  m.homes = new Map(homes.map((h) => [h.var as string, h.home as Node]));
  runTasks(m, freshContext, "rdi", callFunction);
}

/** The interpreter of a dialect, one per dialect: ILs run alike share it (interp/tree.ts says why). */
const interpreter = onePer((dialect: Dialect): Interpreter => machineInterpreter((program, model) => run(dialect, program, model)));

const varDialect: Dialect = { operands: varOperands, instructions: varInstructions, framed: false };
const callsDialect: Dialect = { operands: callsOperands, instructions: callsInstructions, framed: false };
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
const finalDialect: Dialect = { operands: finalOperands, instructions: finalInstructions, framed: true };

export const interpreters: Record<string, Interpreter> = {
  Lx86select: interpreter(selectDialect),
  Lx86calls: interpreter(callsDialect),
  Lx86var: interpreter(varDialect),
  Lx86live: interpreter(liveDialect),
  Lx86graph: interpreter(varDialect),
  Lx86costs: interpreter(varDialect),
  Lx86coloured: interpreter(colouredDialect),
  Lx86homes: interpreter(slotDialect),
  Lx86patched: interpreter(slotDialect),
  Lx86: interpreter(finalDialect),
};
