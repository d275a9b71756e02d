// What the two machine models share: where string objects live in memory, how
// a word of the heap is read and written, the fetch-execute loop over labelled
// blocks of instructions (Runner, with its own stack of calls, so that a task
// can stop in the middle of one), and tasks: the runtime's task and channel
// routines through the one scheduler (callRoutine), and each task's own part of
// the machine (MachineTask).

import { divisionByZero, indexOutOfBounds, stackOverflow } from "../ir-defs/runtime-routines.js";
import { binary, divide, remainder } from "../ir-defs/semantics.js";
import { conclusionOf, entryOf, functionOfSymbol, functionSymbol, isConclusion } from "../ir-defs/functions.js";
import { someObject, type AnyNode } from "../il/node.js";
import type { Heap } from "./heap.js";
import { callStackFull, maxCallDepth, RuntimeModel, type Interpreter, type RunOptions } from "./runtime-model.js";
import { suspend, type Scheduler, type Suspend } from "./scheduler.js";
import { elementsOffset } from "../ir-defs/heap-layout.js";

export type Node = AnyNode & Record<string, any>;

/** What executing one instruction does to control: nothing (go on), a jump, a
 * return from the function running, a call of a function of the program (Call)
 * or of a runtime routine that may switch tasks (Wait). */
export type Effect = void | { readonly jump: string } | { readonly returned: true } | Call | Wait;

/** How a function's code ended: by a `ret`, or (before the conclusion exists) by a jump to its conclusion's label. */
export type Ending = "ret" | "conclusion";

/** A call of a function of the program: run from the block `call`; when the
 * function returns, `back` does what the call does after it (restores the
 * caller's frame, checks the callee kept what it must, takes the result). */
export interface Call {
  readonly call: string;
  readonly back: (how: Ending) => void;
}

/** A call of a runtime routine that may switch tasks: the routine of the
 * scheduler (interp/scheduler.ts), stepped until it is done, then `back` takes
 * its results (none, one, or qn_recv's two). */
export interface Wait {
  readonly wait: Iterator<Suspend, readonly bigint[], undefined>;
  readonly back: (results: readonly bigint[]) => void;
}

/** The model's stack: where its pointer starts (16-byte aligned, as _start
 * calls qn_main), and the lowest value a frame may take it to, as the
 * runtime's _start computes qn_stack_limit for an 8 MiB stack (spec/calls.md)
 * that holds no argv or envp: its top - 8 MiB + 8 KiB. */
export const stackTop = 0x7fff_0000n;
export const stackLimit = stackTop - 8_388_608n + 8_192n;

/** The program's static objects by label: a string is the heap model's literal of
 * its text (one address per text), so that loads of its length and inc and dec
 * of its count reach the object the runtime would see; a closure the heap
 * model's static closure of its function, holding the address of its code. */
export function layOutStrings(data: readonly Node[], heap: Heap, functions: readonly string[]): Map<string, { address: bigint; bytes: Buffer }> {
  const address = (d: Node) => (d.kind === "ClosureData" ? heap.staticClosure(d.code as string, functionAddress({ functions } as FunctionState, d.code as string)) : heap.literal(d.value as string));
  return new Map(data.map((d) => [d.label as string, { address: address(d), bytes: Buffer.from(d.kind === "ClosureData" ? "" : (d.value as string), "utf8") }]));
}

/** Heap objects lie above the stack (heap.ts): an address there is the heap model's. */
export const isHeapAddress = (address: bigint): boolean => address > stackTop;

/** The word of the heap at `address` (with `size` 1, the byte), as the machine sees it: a 64-bit integer. */
export function heapLoad(model: RuntimeModel, address: bigint, size = 8n): bigint {
  const value = model.heap.load(address, size);
  if (typeof value !== "bigint") throw new Error(`the word at ${address} holds ${String(value)}, not a machine word`);
  return value;
}

/** The byte at a heap address, as ldrb and movzbq read it (an element of an array of bytes: only the heap holds bytes). */
export function heapByte(model: RuntimeModel, at: bigint): bigint {
  if (!isHeapAddress(at)) throw new Error(`a byte access at ${at}, not in the heap`);
  return heapLoad(model, at, 1n);
}
/** Stores the low byte of value at a heap address, as strb and movb do. */
export function storeHeapByte(model: RuntimeModel, at: bigint, value: bigint): void {
  if (!isHeapAddress(at)) throw new Error(`a byte access at ${at}, not in the heap`);
  model.heap.store(at, BigInt.asUintN(8, value), 1n);
}

/** A condition code as a comparison of the flags' operands (the last cmp's):
 * Quastra's operator, on the values as signed or as unsigned 64-bit numbers. */
export type Condition = readonly [op: "==" | "!=" | "<" | "<=" | ">" | ">=", unsigned: boolean];

/** Whether a condition holds of the flags' operands, by the semantics every interpreter shares. */
export function holds(condition: Condition, left: bigint, right: bigint): boolean {
  const op = condition[0];
  return (condition[1] ? binary(op, BigInt.asUintN(64, left), BigInt.asUintN(64, right)) : binary(op, left, right)) as boolean;
}

/** What executing one instruction is, once the model has found how (see decoder). */
export type Step = (instr: Node) => Effect;

/**
 * Each block's steps, found once per run rather than once per instruction
 * executed: `resolve` gives the step of an instruction (one that throws, when
 * the model has none for it: the error comes when it runs, as before).
 */
export function decoder(blocks: readonly Node[], resolve: (instr: Node) => Step): (block: number) => readonly Step[] {
  const steps: (readonly Step[] | undefined)[] = [];
  return (b) => (steps[b] ??= (blocks[b]!.instrs as Node[]).map(resolve));
}

/** Each block's index by its label. */
export const labelIndex = (blocks: readonly Node[]): Map<string, number> => new Map(blocks.map((block, index) => [block.label as string, index]));

/** What the runner of a task's code reads of the machine: its code, and the runtime model (fuel, panics). */
export interface CodeState {
  readonly blocks: readonly Node[];
  readonly labels: ReadonlyMap<string, number>;
  readonly model: RuntimeModel;
  /** Each block's steps, found when it first runs. */
  readonly code: (block: number) => readonly Step[];
}

const suspended: IteratorResult<Suspend, undefined> = { value: suspend, done: false };
const finished: IteratorResult<Suspend, undefined> = { value: undefined, done: true };

/**
 * Runs a task's code: blocks of instructions from a first call (main's, or the
 * function a spawned task runs), falling through from one block to the next,
 * until that call returns. Calls nest on the runner's own stack of frames, not
 * on JavaScript's, so that a task can stop in the middle of any call (next()
 * returns `suspend`, as interp/scheduler.ts wants of a task's body) and go on
 * from there when next() is called again; and so that recursion is as deep as
 * the modelled stack allows. A function returns by a `ret` or, in the ILs
 * before the conclusion exists, by a jump to its conclusion's label. A jump to
 * the runtime's qn_division_by_zero, qn_index_out_of_bounds or
 * qn_stack_overflow is its panic, which never returns.
 */
export class Runner implements Iterator<Suspend, undefined, undefined> {
  /** The callers' positions, and what each call does when its callee returns. */
  private readonly frames: { readonly b: number; readonly i: number; readonly back: Call["back"] }[] = [];
  private b: number;
  private i = 0;
  /** What the call of the function running does when it returns. */
  private back: Call["back"];
  /** The routine the task waits in, while it is stopped. */
  private waiting: Wait | null = null;

  constructor(
    private readonly state: CodeState,
    first: Call,
  ) {
    this.b = this.block(first.call);
    this.back = first.back;
  }

  private block(label: string): number {
    const b = this.state.labels.get(label);
    if (b === undefined) throw new Error(`no block is labelled ${label}`);
    return b;
  }

  next(): IteratorResult<Suspend, undefined> {
    const waiting = this.waiting;
    if (waiting !== null) {
      const step = waiting.wait.next();
      if (step.done !== true) return suspended;
      this.waiting = null;
      waiting.back(step.value);
    }
    const { blocks, labels, model, code } = this.state;
    const frames = this.frames;
    let b = this.b;
    let instrs = blocks[b]!.instrs as Node[];
    let steps = code(b);
    let i = this.i;
    for (;;) {
      if (i >= instrs.length) { // fall through to the next block
        const block = blocks[++b];
        if (!block) throw new Error("control ran off the end of the code");
        instrs = block.instrs as Node[];
        steps = code(b);
        i = 0;
        continue;
      }
      const step = steps[i]!;
      const instr = instrs[i++]!;
      model.tick();
      const effect = step(instr);
      if (!effect) continue;
      let how: Ending;
      if ("jump" in effect) {
        const target = labels.get(effect.jump);
        if (target !== undefined) {
          b = target;
          instrs = blocks[b]!.instrs as Node[];
          steps = code(b);
          i = 0;
          continue;
        }
        if (isConclusion(effect.jump)) how = "conclusion"; // the function's, or (after tail calls) its callee's
        else if (effect.jump === divisionByZero) return model.divisionByZero();
        else if (effect.jump === indexOutOfBounds) return model.indexOutOfBounds();
        else if (effect.jump === stackOverflow) return model.stackOverflow();
        else throw new Error(`jump to ${effect.jump}, which labels no block`);
      } else if ("returned" in effect) how = "ret";
      else if ("call" in effect) {
        // (a RangeError about the call stack: the run gives up, as on JavaScript's stack)
        if (frames.length >= maxCallDepth) throw callStackFull(); // (each a frame of the runner's stack, with its variables)
        frames.push({ b, i, back: this.back });
        this.back = effect.back;
        b = this.block(effect.call);
        instrs = blocks[b]!.instrs as Node[];
        steps = code(b);
        i = 0;
        continue;
      } else {
        const done = effect.wait.next();
        if (done.done === true) effect.back(done.value);
        else {
          [this.b, this.i, this.waiting] = [b, i, effect];
          return suspended;
        }
        continue;
      }
      // The function running returns: to its caller, or, from the first call, the task's code is done.
      const back = this.back;
      const caller = frames.pop();
      if (caller === undefined) {
        back(how);
        return finished;
      }
      [b, i, this.back] = [caller.b, caller.i, caller.back];
      instrs = blocks[b]!.instrs as Node[];
      steps = code(b);
      back(how);
    }
  }
}

const liveSets = new WeakMap<Node, ReadonlySet<string>>();

/** The variables an instruction names. */
function variablesIn(instr: Node): Set<string> {
  const names = new Set<string>();
  someObject(instr, (node) => {
    if (node.kind === "Var") names.add(node.name as string);
    return false; // (every object is looked at)
  });
  return names;
}

/** Of a run: the instruction before each in its block (null for a block's first, or for one
 * found in two places after different instructions), and the Live node whose forgetting was the last. */
interface Order {
  readonly before: ReadonlyMap<Node, Node | null>;
  last: Node | null;
}
const orders = new WeakMap<object, Order>();
function orderOf(m: CodeState): Order {
  let order = orders.get(m);
  if (order) return order;
  const before = new Map<Node, Node | null>();
  for (const block of m.blocks) {
    let previous: Node | null = null;
    for (const instr of block.instrs as Node[]) {
      before.set(instr, before.has(instr) && before.get(instr) !== previous ? null : previous);
      previous = instr;
    }
  }
  orders.set(m, (order = { before, last: null }));
  return order;
}

/**
 * The step of the instruction form `Live` (L<t>live): run the wrapped
 * instruction, then forget every variable that the live-after set leaves out.
 * A live set that misses a variable whose value is still needed makes the next
 * read of it fail here, at uncover-live, instead of two passes later.
 * Right after the instruction before it in its block, the variables held are
 * at most that one's live-after set and those this instruction names: only
 * those of them not live after it need forgetting, a list found once per run
 * (the same variables go as when every variable held is looked at, as after a
 * jump, a call or a task's switch).
 */
export function liveStep<M extends CodeState & { readonly variables: Map<string, bigint> }>(instructions: Readonly<Record<string, (m: M, instr: Node) => Effect>>): Decodable<M> {
  const step = (m: M, instr: Node) => instructions[instr.kind]!(m, instr);
  const keepOf = (live: Node): ReadonlySet<string> => {
    let keep = liveSets.get(live);
    if (!keep) liveSets.set(live, (keep = new Set((live.after as Node[]).filter((p) => p.kind === "Var").map((p) => p.name as string))));
    return keep;
  };
  /** Forgets what `live` leaves out: every variable held, or only `drop`'s when the Live node before it was the last forgetting. */
  const forget = (m: M, live: Node, keep: ReadonlySet<string>, drop?: { readonly after: Node | null; readonly names: readonly string[] }, order = orderOf(m)) => {
    if (drop !== undefined && drop.after !== null && order.last === drop.after) for (const name of drop.names) m.variables.delete(name);
    else for (const name of m.variables.keys()) if (!keep.has(name)) m.variables.delete(name);
    order.last = live;
  };
  /** After a call, the variables are forgotten when it is back (and the caller's are there again). */
  const after = (m: M, live: Node, keep: ReadonlySet<string>, effect: Effect, drop?: Parameters<typeof forget>[3], order?: Order): Effect => {
    if (effect && "call" in effect) return { call: effect.call, back: (how: Ending) => (effect.back(how), forget(m, live, keep)) };
    if (effect && "wait" in effect) return { wait: effect.wait, back: (results: readonly bigint[]) => (effect.back(results), forget(m, live, keep)) };
    forget(m, live, keep, drop, order);
    return effect;
  };
  const run: Decodable<M> = (m, live) => after(m, live, keepOf(live), step(m, live.instr as Node));
  // Found once per run: the live set of each Live node, what it wraps, and what it drops after the one before it.
  run.decode = (m, live) => {
    const keep = keepOf(live);
    const inner = live.instr as Node;
    const order = orderOf(m);
    const before = order.before.get(live) ?? null;
    const previous = before?.kind === "Live" ? before : null;
    const held = previous === null ? [] : [...keepOf(previous), ...variablesIn(inner)];
    const drop = { after: previous, names: [...new Set(held)].filter((name) => !keep.has(name)) };
    const innerStep = instructions[inner.kind]!;
    const decoded = (innerStep as Decodable<M>).decode?.(m, inner);
    return decoded ? () => after(m, live, keep, decoded(inner), drop, order) : () => after(m, live, keep, innerStep(m, inner), drop, order);
  };
  return run;
}

/** An operand's read and write in a model's table of operand forms; `decode`, when
 * given, does what they do for one operand, with what they would look up each time found once. */
export interface OperandForm<M> {
  read(m: M, arg: Node): bigint;
  write(m: M, arg: Node, value: bigint): void;
  decode?(m: M, arg: Node): DecodedOperand;
}

/** An operand of one instruction, decoded: its read and write. */
export interface DecodedOperand {
  read(): bigint;
  write(value: bigint): void;
}

/**
 * A task's registers: a value for each of the model's register names, by the
 * name's place in that list (`values[at(name)]`: an operand found once reads
 * its register without a look-up by name each time it runs).
 */
export class Registers {
  readonly values: (bigint | undefined)[];
  constructor(private readonly places: ReadonlyMap<string, number>) {
    this.values = new Array<bigint | undefined>(places.size).fill(undefined);
  }
  /** The place of register `name` (no such register: an error). */
  at(name: string): number {
    const place = this.places.get(name);
    if (place === undefined) throw new Error(`the model has no register ${name}`);
    return place;
  }
  get(name: string): bigint | undefined {
    return this.values[this.at(name)];
  }
  set(name: string, value: bigint): void {
    this.values[this.at(name)] = value;
  }
}

/** The places of a model's register names, for its Registers. */
export const registerPlaces = (names: readonly string[]): ReadonlyMap<string, number> => new Map(names.map((name, k) => [name, k]));

/** Register `name` of a model's machine as an operand, made by `make` once per run. */
export function registerOf<M extends { readonly registerOperands: Map<string, DecodedOperand> }>(m: M, name: string, make: (m: M, name: string) => DecodedOperand): DecodedOperand {
  let operand = m.registerOperands.get(name);
  if (!operand) m.registerOperands.set(name, (operand = make(m, name)));
  return operand;
}

/** The value of variable `name` of the function running on `model`'s machine (never written: an error). */
export function readVariable(m: { readonly variables: Map<string, bigint> }, name: string, model: string): bigint {
  const value = m.variables.get(name);
  if (value === undefined) throw new Error(`the ${model} model read variable ${name}, which was never written`);
  return value;
}

/** An operand of an instruction being decoded: its form in the model's table (`forms`) found
 * once, for every time the instruction runs; a form the IL lacks is an error when the
 * instruction runs, as before (`slow`, the model's read and write that look the form up). */
export function operand<M>(m: M, arg: Node, forms: Readonly<Record<string, OperandForm<M>>>, slow: OperandForm<M>): DecodedOperand {
  const f = forms[arg.kind] ?? slow;
  return f.decode?.(m, arg) ?? { read: () => f.read(m, arg), write: (value) => f.write(m, arg, value) };
}

/** An instruction written as its decoding: what it does once its operands are found (decoder);
 * run undecoded, it is decoded, then run. */
export const decoded = <M>(decode: (m: M, instr: Node) => () => Effect): Decodable<M> => Object.assign((m: M, instr: Node) => decode(m, instr)(), { decode });

/** A jump to the instruction's target: always, or when `when` (found once for the instruction) holds;
 * its effect made once. */
export const jumpStep = <M>(when?: (m: M, instr: Node) => () => boolean): Decodable<M> =>
  decoded<M>((m, i) => {
    const [jump, holds] = [{ jump: i.target as string }, when?.(m, i)];
    return holds ? () => (holds() ? jump : undefined) : () => jump;
  });

/** An instruction's step that can also be found once per run for one
 * instruction (decode), when there is something to work out before it runs. */
export interface Decodable<M> {
  (m: M, instr: Node): Effect;
  decode?: (m: M, instr: Node) => Step;
}

// ---------------------------------------------------------------- what both models' machines share

/** The part of a machine's state that functions, calls and string data need. */
export interface FunctionState {
  readonly functions: readonly string[];
  variables: Map<string, bigint>;
  slots: Map<number, bigint>;
  flags: unknown;
  strings: Map<string, { address: bigint; bytes: Buffer }>;
}

/** Where function number i's code is, as an address a register can hold (for calls through one). */
export const codeAddress = (i: number): bigint => 0x40_4000n + 16n * BigInt(i);

/** The address of the code of the function a symbol names. */
export function functionAddress(m: FunctionState, symbol: string): bigint {
  const index = m.functions.indexOf(functionOfSymbol(symbol) ?? "");
  if (index < 0) throw new Error(`the address of ${symbol}, which labels no function`);
  return codeAddress(index);
}

/** The function whose code is at `address`. */
export function functionAt(m: FunctionState, address: bigint): string {
  const fn = m.functions.find((_, k) => codeAddress(k) === address);
  if (fn === undefined) throw new Error(`a call to ${address}: no function's code is there`);
  return fn;
}

/** Before the frames exist: the callee runs in this call's place, with variables and slots of its own. */
export function tailCall(m: FunctionState, fn: string): Effect {
  if (!functionSet(m.functions).has(fn)) throw new Error(`tail call of ${fn}, no function of the program`);
  [m.variables, m.slots] = [new Map(), new Map()];
  m.flags = null;
  let jump = entryJumps.get(fn);
  if (jump === undefined) entryJumps.set(fn, (jump = { jump: entryLabel(fn) }));
  return jump;
}
const entryJumps = new Map<string, { readonly jump: string }>();
const functionSets = new WeakMap<readonly string[], ReadonlySet<string>>();
/** A program's functions as a set, made once. */
function functionSet(functions: readonly string[]): ReadonlySet<string> {
  let set = functionSets.get(functions);
  if (set === undefined) functionSets.set(functions, (set = new Set(functions)));
  return set;
}

/** `make`, made once per key: the same key gives the same value (a dialect, its one interpreter). */
export function onePer<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

// A loop of calls asks for the same few labels and symbols again and again: each made once.
const entries = new Map<string, string>();
const owners = new Map<string, string | null>();

/** entryOf(fn), made once per function. */
export function entryLabel(fn: string): string {
  let label = entries.get(fn);
  if (label === undefined) entries.set(fn, (label = entryOf(fn)));
  return label;
}

const symbols = new Map<string, string>();

/** functionSymbol(fn), made once per function. */
export function symbolLabel(fn: string): string {
  let symbol = symbols.get(fn);
  if (symbol === undefined) symbols.set(fn, (symbol = functionSymbol(fn)));
  return symbol;
}

/** functionOfSymbol(symbol), worked out once per symbol. */
export function functionOf(symbol: string): string | null {
  let fn = owners.get(symbol);
  if (fn === undefined) owners.set(symbol, (fn = functionOfSymbol(symbol)));
  return fn;
}

/** The text of `length` bytes of a string object's data at `at` (its bytes start elementsOffset past the object). */
export function stringAt(m: FunctionState, at: bigint, length: bigint): string {
  for (const { address, bytes } of m.strings.values()) {
    const start = address + BigInt(elementsOffset);
    if (at >= start && at + length <= start + BigInt(bytes.length)) return bytes.subarray(Number(at - start), Number(at - start + length)).toString("utf8");
  }
  throw new Error(`no string data at address ${at} of length ${length}`);
}

// ---------------------------------------------------------------- calls before lower-calls

/** Before lower-calls (L<t>calls), a call hands its arguments over as values, not in
 * registers: the callee's `params` takes them, and its `return v` hands v back. */
export interface CallingState extends FunctionState {
  arguments: readonly bigint[];
  returned: bigint;
}

/** What a target's model does for a call: of a runtime routine (arguments as values,
 * its results to `back`: see callRoutine) and of a function of the program (the call's
 * effect; `then` after it has returned). */
export interface CallingModel<M extends CallingState> {
  /** An operand found once, for every time its instruction runs. */
  operand(m: M, arg: Node): DecodedOperand;
  callRuntime(m: M, symbol: string, args: readonly bigint[], back: (results: readonly bigint[]) => void): Effect;
  callFunction(m: M, fn: string, then?: () => void): Call;
}

/** The steps of the pseudo-instructions of L<t>calls (ir-defs/pseudo-instructions.ts), by kind;
 * each decoded (its operands found once), as a loop of calls runs them again and again. */
export function callSteps<M extends CallingState>(model: CallingModel<M>): Readonly<Record<string, (m: M, i: Node) => Effect>> {
  /** The reads of the call's arguments, and of its result and `found` (qn_recv's second result) the writes. */
  const operands = (m: M, i: Node) => {
    const args = (i.args as Node[]).map((a) => model.operand(m, a));
    const [result, found] = [i.result ? model.operand(m, i.result as Node) : null, i.found ? model.operand(m, i.found as Node) : null];
    return { values: () => args.map((a) => a.read()), result, found };
  };
  const call = (fn: (m: M, i: Node) => () => string | null, symbol: (i: Node) => string) =>
    decoded<M>((m, i) => {
      const [callee, { values, result, found }] = [fn(m, i), operands(m, i)];
      const back = (results: readonly bigint[]) => {
        result?.write(results[0]!);
        if (found === null) return;
        if (results.length < 2) throw new Error(`${symbol(i)} gives no second result for \`found\``);
        found.write(results[1]!); // qn_recv's
      };
      const then = () => result?.write(m.returned);
      return () => {
        const target = callee();
        const args = values();
        if (target === null) return model.callRuntime(m, symbol(i), args, back);
        m.arguments = args;
        return model.callFunction(m, target, then);
      };
    });
  const tail = (fn: (m: M, i: Node) => () => string | null) =>
    decoded<M>((m, i) => {
      const [callee, { values }] = [fn(m, i), operands(m, i)];
      return () => {
        const target = callee() ?? ""; // (no function: tailCall says so)
        m.arguments = values();
        return tailCall(m, target);
      };
    });
  const named = (_m: M, i: Node) => {
    const fn = functionOf(i.target as string);
    return () => fn;
  };
  const pointed = (m: M, i: Node) => {
    const callee = model.operand(m, i.callee as Node);
    return () => functionAt(m, callee.read());
  };
  return {
    Call: call(named, (i) => i.target as string),
    CallIndirect: call(pointed, () => ""),
    TailCall: tail(named),
    TailCallIndirect: tail(pointed),
    Params: decoded<M>((m, i) => {
      const params = (i.params as Node[]).map((p) => model.operand(m, p));
      return () => {
        for (let k = 0; k < params.length; k++) params[k]!.write(m.arguments[k] ?? 0n);
      };
    }),
    // Any conclusion's label ends the function running (see Runner).
    Return: decoded<M>((m, i) => {
      const [value, end] = [model.operand(m, i.value as Node), { jump: conclusionOf("") }];
      return () => {
        m.returned = value.read();
        return end;
      };
    }),
  };
}

/** The operand form of an address (`$label`, `=label`, `+offset`): of a string object of the program, or of a function's code. */
export const addressForm = {
  read: (m: FunctionState, arg: Node): bigint => (m.strings.get(arg.label)?.address ?? functionAddress(m, arg.label)) + ((arg.offset as bigint | null) ?? 0n),
  write: (): never => { throw new Error("an instruction cannot write an address"); },
};

/** Quastra's `/` and `%` before lower-division: a zero divisor jumps to the runtime's panic. */
export function divideStep(read: (arg: Node) => bigint, i: Node): { value: bigint | null } | { jump: string } {
  const [a, b] = [read(i.left), read(i.right)];
  if (b === 0n) return { jump: divisionByZero };
  return { value: i.dst ? (i.op === "div" ? divide(a, b) : remainder(a, b)) : null };
}

// ---------------------------------------------------------------- tasks

/** What a recv's value is on the machine: a word. */
function word(value: unknown): bigint {
  if (typeof value !== "bigint") throw new Error(`a channel carried ${String(value)}, not a machine word`);
  return value;
}

function* giving<T>(routine: Generator<Suspend, T, undefined>, results: (t: T) => readonly bigint[]): Generator<Suspend, readonly bigint[], undefined> {
  return results(yield* routine);
}

/** The runtime's routines of tasks and channels (runtime-asm/README.md,
 * "Concurrency"), each done by the run's one scheduler: their results (none,
 * one, or qn_recv's value and found flag), or, for a routine that may switch
 * (switchingRoutines), the scheduler's routine to step; null for any other symbol. */
function taskRoutine(tasks: Scheduler, symbol: string, args: readonly bigint[]): readonly bigint[] | Generator<Suspend, readonly bigint[], undefined> | null {
  const a = (k: number) => args[k] ?? 0n;
  switch (symbol) {
    case "qn_scope_open": return [tasks.scopeOpen()];
    case "qn_scope_close": return giving(tasks.scopeClose(a(0)), () => []);
    case "qn_spawn": tasks.spawn(a(0), a(1), a(2)); return [];
    case "qn_yield": return giving(tasks.yield(), () => []);
    case "qn_channel": return [tasks.channel(a(0), a(1))];
    case "qn_send": return giving(tasks.send(a(0), a(1)), () => []);
    case "qn_try_send": return [tasks.trySend(a(0), a(1)) ? 1n : 0n];
    case "qn_recv": return giving(tasks.recv(a(0)), ([value, found]) => [word(value), found ? 1n : 0n]);
    case "qn_close": tasks.close(a(0)); return [];
  }
  return null;
}

/**
 * A call of the runtime routine `symbol`: a routine of tasks and channels goes
 * to the scheduler (a Wait when it may switch), any other to `ordinary` (the
 * runtime model's). Its results go to `back` once it is done: at once, or when
 * the task runs again after a switch.
 */
export function callRoutine(tasks: Scheduler, symbol: string, args: readonly bigint[], ordinary: () => bigint, back: (results: readonly bigint[]) => void): Effect {
  const routine = taskRoutine(tasks, symbol, args);
  if (routine === null) back([ordinary()]);
  else if (Array.isArray(routine)) back(routine);
  else return { wait: routine as Generator<Suspend, readonly bigint[], undefined>, back };
}

/**
 * A task's body on a machine model (a task of interp/scheduler.ts; main is
 * one): its code's Runner, and its context, the part of the machine that is
 * each task's own (registers, the flags, the stack's memory, the variables and
 * slots of the function running), put in the machine while the task runs and
 * taken back when it stops. Every task's stack has the same addresses, from the
 * model's stackTop down to the same limit: the runtime's scheme, where the
 * running task has the one stack and a waiting task's stack is copied to the
 * heap and back to the same addresses, without the copy (README "Concurrency").
 * `fresh` makes its context and `begin` its first call, in that context, when it first runs.
 */
export class MachineTask<M extends CodeState> implements Iterator<Suspend, undefined, undefined> {
  private runner: Runner | null = null;
  /** Made when the task first runs (a task waiting to start holds little). */
  private context: Partial<M> | null = null;

  constructor(
    private readonly m: M,
    private readonly fresh: () => Partial<M>,
    private readonly begin: () => Call,
  ) {}

  next(): IteratorResult<Suspend, undefined> {
    const m = this.m;
    const context = (this.context ??= this.fresh());
    Object.assign(m, context);
    this.runner ??= new Runner(m, this.begin());
    const step = this.runner.next();
    for (const key of Object.keys(context) as (keyof M)[]) context[key] = m[key];
    return step;
  }
}

/** Runs main, and every task it spawns, through the run's one scheduler (interp/scheduler.ts):
 * each a MachineTask with a context of its own (`fresh`), whose first call is of `fn`, with
 * `env` (a spawned task's code(env)) as its argument: in `register`, and as a value for the
 * ILs before lower-calls. */
export function runTasks<M extends CodeState & CallingState & { readonly registers: Registers; tasks: Scheduler }>(
  m: M,
  fresh: () => Partial<M>,
  register: string,
  callFunction: (m: M, fn: string) => Call,
): void {
  const task = (fn: string, env: bigint | null) =>
    new MachineTask(m, fresh, () => {
      if (env !== null) {
        m.registers.set(register, env);
        m.arguments = [env];
      }
      return callFunction(m, fn);
    });
  m.tasks = m.model.scheduler((code, env) => task(functionAt(m, code as bigint), env as bigint));
  m.tasks.run(task("main", null)); // as _start calls qn_main
}

/** All a machine model reads of a program: its blocks, its static data and (L<t>coloured) the
 * variables' homes. The rest (an interference graph, spill costs) no run reads, so two programs
 * alike in these run alike (the explorer's marks share their runs: explorer-tui/marks.ts). */
export const machineInput = (program: Node): { blocks: Node[]; data: Node[]; homes: Node[] } =>
  ({ blocks: program.blocks as Node[], data: program.data as Node[], homes: (program.homes as Node[] | undefined) ?? [] });

/** A machine model's interpreter: `run` over a runtime model of its own, counting references. It runs tasks. */
export function machineInterpreter(run: (program: Node, model: RuntimeModel) => void): Interpreter {
  const interpret = (program: unknown, options?: RunOptions) => {
    const model = new RuntimeModel(options, "counted");
    return model.run(() => run(program as Node, model));
  };
  return interpret;
}
