// A TypeScript model of the runtime (runtime-asm/*/runtime.s): the same routines
// under the same names, with the same observable behaviour. Every interpreter
// does its input and output through one of these, and the machine models call
// it where the real code calls into the runtime.

import { compareBytes, Exit, INT_MAX, INT_MIN, Panic, parseInputLine } from "../ir-defs/semantics.js";
import { concatenated, Heap } from "./heap.js";
import { Scheduler, type Body } from "./scheduler.js";

/** What running a program shows to the world: the thing every pass preserves. */
export interface Outcome {
  readonly stdout: string;
  /** 0 on a normal end, the code given to exit(), 101 after a panic. */
  readonly status: number;
  /** The panic message (without `panic: `), or null. */
  readonly panic: string | null;
  /** True when the interpreter ran out of fuel (the program may not terminate), or
   * printed more than an interpreter keeps (outputLimit): it gave up. */
  readonly outOfFuel: boolean;
  /** Present (true) when the panic `stack overflow` came from the interpreter's
   * own stack (maxCallDepth calls deep, or JavaScript's stack full), not from a
   * stack the interpreter models: the interpreter gave up where a compiled
   * program may well go on. */
  readonly hostStack?: true;
  /** What the leak check says when main returns, in the ILs that count
   * references (Lrc and below): objects not yet freed. Null elsewhere. */
  readonly live?: { readonly objects: number; readonly bytes: number } | null;
  /** Present (true) when the objects live at the end are held only by each other: the
   * program's own cycles of references keep them (the brief allows that leak), which
   * no pass made (Heap.heldOnlyByEachOther). */
  readonly cycles?: true;
}

export interface RunOptions {
  /** Text given on standard input. */
  readonly stdin?: string;
  /** How many steps an interpreter may take before giving up. */
  readonly fuel?: number;
  /** Makes the run's scheduler (default: scheduler.ts's): a test plants a faulty copy with it. */
  readonly scheduler?: (heap: Heap, start: (code: unknown, env: unknown) => Body) => Scheduler<Body>;
}

/** Whether an IL's interpreter counts references (and so reports live objects). */
export type Counting = "counted" | "uncounted";

/** An IL's interpreter: runs a program of that IL (with its tasks, if it spawns any). */
export type Interpreter = (program: unknown, options?: RunOptions) => Outcome;

export const defaultFuel = 50_000_000;
/** The most output (in UTF-16 units) a run keeps: more ends it as out of fuel, as a
 * program too big for the interpreters. (A JavaScript string holds at most 2^29 units:
 * a program printing a longer and longer line filled one, and the run crashed.) */
export const outputLimit = 64 * 1024 * 1024;

export class OutOfFuel extends Error {
  constructor() {
    super("out of fuel");
  }
}

/**
 * The deepest any interpreter nests calls (per task): deeper, it gives up as when
 * JavaScript's stack is full (a RangeError, the panic `stack overflow` with
 * hostStack). A compiled program goes deeper (its stack check panics at 8 MiB);
 * the interpreters stop here to stay quick: a stack of JavaScript frames
 * 100,000 calls deep makes each collection of garbage scan it, and a run
 * seconds long, and how deep a thread's stack lets a run go should not change
 * what the run shows.
 */
export const maxCallDepth = 10_000;

/** maxCallDepth as messages write it: 10,000. */
export const maxCallDepthText = maxCallDepth.toLocaleString("en-US");

/** What an interpreter throws when its calls are maxCallDepth deep. */
export const callStackFull = (): RangeError => new RangeError(`the model's call stack is full: ${maxCallDepth} calls deep`);

/** One program run's I/O state and the runtime's routines over it. */
export class RuntimeModel {
  /** What was printed: `out` in chunks of 4,096 writes joined, and the writes since (millions of
   * small strings, kept apart, take several times the memory of their text). */
  private out: string[] = [];
  private writes: string[] = [];
  private printed = 0;
  private lines: string[];
  private nextLine = 0;
  private fuel: number;
  readonly heap: Heap;
  private tasks: Scheduler<Body> | undefined;
  private readonly makeScheduler: NonNullable<RunOptions["scheduler"]>;

  /** Whether the last line of input ends in a newline (what input_line gives back with it). */
  private readonly lastLineEnded: boolean;

  constructor(
    options: RunOptions = {},
    private readonly counting: Counting = "uncounted",
  ) {
    const stdin = options.stdin ?? "";
    this.lines = stdin === "" ? [] : stdin.replace(/\n$/, "").split("\n");
    this.lastLineEnded = stdin.endsWith("\n");
    this.fuel = options.fuel ?? defaultFuel;
    this.makeScheduler = options.scheduler ?? ((heap, start) => new Scheduler<Body>(heap, start));
    this.heap = new Heap(counting === "counted");
  }

  /** Interpreters call this once per step; it throws OutOfFuel when the budget is spent. */
  tick(): void {
    if (--this.fuel < 0) throw new OutOfFuel();
  }

  /** The calls nested in the task running, as the tree and Lcfg interpreters count them
   * (their generator form gives each task its own count: forms.ts). */
  depth = 0;
  /** A call nests one deeper: past maxCallDepth calls inside the first (main's, or a task's),
   * the run gives up, as on a full stack (and as the machine models' runners, machine-code.ts). */
  enter(): void {
    if (this.depth > maxCallDepth) throw callStackFull();
    this.depth++;
  }
  /** A call has returned. */
  leave(): void {
    this.depth--;
  }

  printInt(x: bigint): void {
    this.write(`${x}\n`);
  }
  printBool(b: boolean): void {
    this.write(b ? "true\n" : "false\n");
  }
  printString(text: string): void {
    this.write(`${text}\n`);
  }
  /** qn_write_string: the string's bytes, no newline. */
  writeString(text: string): void {
    this.write(text);
  }
  private write(text: string): void {
    this.printed += text.length;
    if (this.printed > outputLimit) throw new OutOfFuel();
    this.writes.push(text);
    if (this.writes.length === 4096) this.out.push(this.writes.splice(0).join(""));
  }
  /** qn_input_line: the next line of input with its newline (the last line may have none), or "" at its end. */
  inputLine(): string {
    const line = this.lines[this.nextLine++];
    if (line === undefined) return "";
    return this.nextLine < this.lines.length || this.lastLineEnded ? `${line}\n` : line;
  }
  /** qn_string_byte: the byte at index i (0 to 255); out of range panics `index out of bounds`. */
  stringByte(text: string, i: bigint): bigint {
    const bytes = utf8(text);
    if (i < 0n || i >= BigInt(bytes.length)) this.indexOutOfBounds();
    return BigInt(bytes[Number(i)]!);
  }
  /** qn_string_slice: the bytes from `start` up to `end`. Out of range (start < 0, end > len,
   * start > end), or a bound inside a character's UTF-8, panics `index out of bounds`. */
  stringSlice(text: string, start: bigint, end: bigint): string {
    const bytes = utf8(text);
    if (start < 0n || end > BigInt(bytes.length) || start > end || !boundary(bytes, start) || !boundary(bytes, end)) this.indexOutOfBounds();
    return bytes.subarray(Number(start), Number(end)).toString("utf8");
  }
  readInt(): bigint {
    const line = this.lines[this.nextLine++];
    if (line === undefined) throw new Panic("bad input");
    return parseInputLine(line);
  }
  exit(code: bigint): never {
    throw new Exit(Number(BigInt.asUintN(8, code)));
  }
  panic(message: string): never {
    throw new Panic(message);
  }
  /** qn_division_by_zero: compiled code jumps to it when a divisor is 0. */
  divisionByZero(): never {
    return this.panic("division by zero");
  }

  /** qn_stack_overflow: a prelude jumps to it when the stack is full. */
  stackOverflow(): never {
    return this.panic("stack overflow");
  }

  /** qn_index_out_of_bounds: compiled code jumps to it when an index check fails. */
  indexOutOfBounds(): never {
    return this.panic("index out of bounds");
  }

  /** The scheduler of tasks and channels of this run (interp/scheduler.ts),
   * made at the first call with the interpreter's way to start a task:
   * `start(code, env)` gives the body that runs code(env). */
  scheduler<B extends Body>(start: (code: unknown, env: unknown) => B): Scheduler<B> {
    this.tasks ??= this.makeScheduler(this.heap, start as unknown as (code: unknown, env: unknown) => Body);
    return this.tasks as unknown as Scheduler<B>;
  }

  /** The runtime's routines by their assembly names, for the machine models:
   * arguments and result as 64-bit integers (Bools 0/1), strings by content. */
  call(symbol: string, args: readonly bigint[], strings: (address: bigint, length: bigint) => string): bigint {
    const a = (i: number) => args[i] ?? 0n;
    switch (symbol) {
      case "qn_print_int": this.printInt(a(0)); return 0n;
      case "qn_print_bool": this.printBool(a(0) !== 0n); return 0n;
      case "qn_read_int": return this.readInt();
      case "qn_exit": return this.exit(a(0));
      case "qn_panic": return this.panic(strings(a(0), a(1)));
      case "qn_alloc": return this.heap.alloc(a(0), a(1));
      case "qn_array": return this.heap.allocArray(a(0), a(1), a(2));
      case "qn_release": this.heap.release(a(0)); return 0n;
      case "qn_concat": return this.heap.string(concatenated(this.heap.text(a(0)), this.heap.text(a(1))));
      case "qn_string_eq": return this.heap.text(a(0)) === this.heap.text(a(1)) ? 1n : 0n;
      case "qn_string_cmp": return compareBytes(this.heap.text(a(0)), this.heap.text(a(1)));
      case "qn_print_string": this.printString(this.heap.text(a(0))); return 0n;
      case "qn_panic_string": return this.panic(this.heap.text(a(0)));
      case "qn_string_byte": return this.stringByte(this.heap.text(a(0)), a(1));
      case "qn_string_slice": return this.heap.string(this.stringSlice(this.heap.text(a(0)), a(1), a(2)));
      case "qn_write_string": this.writeString(this.heap.text(a(0))); return 0n;
      case "qn_input_line": return this.heap.string(this.inputLine());
    }
    throw new Error(`the runtime has no routine ${symbol}`);
  }

  /** Runs `body` to its end and says what the world saw. */
  run(body: () => void): Outcome {
    let status = 0;
    let panic: string | null = null;
    let outOfFuel = false;
    let hostStack = false;
    let live: Outcome["live"] = null;
    let cycles = false;
    try {
      body();
      if (this.counting === "counted") {
        live = this.heap.live();
        if (live.objects === 0) this.heap.checkLiterals(); // (with objects left, their references are left too)
        else cycles = this.heap.heldOnlyByEachOther();
      }
    } catch (e) {
      if (e instanceof Exit) status = e.status;
      else if (e instanceof Panic) [status, panic] = [101, e.panicMessage];
      else if (e instanceof OutOfFuel) outOfFuel = true;
      // An interpreter's calls nest on JavaScript's stack: when it is full, the
      // program has recursed too deeply, as a compiled one would (at a depth
      // where the real stack is full too, or much earlier: see interp/tree.ts).
      else if (e instanceof RangeError && /call stack/.test(e.message)) [status, panic, hostStack] = [101, "stack overflow", true] as const;
      else throw e;
    }
    // (hostStack and cycles only when true: the outcome of every other run keeps its shape)
    return { stdout: this.out.join("") + this.writes.join(""), status, panic, outOfFuel, live, ...(hostStack ? { hostStack: true as const } : {}), ...(cycles ? { cycles: true as const } : {}) };
  }
}

/** A string's UTF-8 bytes; the last string asked for is kept, so that a loop over one
 * string's bytes converts it once. */
let lastText = "";
let lastBytes = Buffer.alloc(0);
function utf8(text: string): Buffer {
  if (text !== lastText) [lastText, lastBytes] = [text, Buffer.from(text, "utf8")];
  return lastBytes;
}

/** Whether a byte index is where a character's UTF-8 starts, or the end: not a continuation byte. */
const boundary = (bytes: Buffer, i: bigint): boolean => i === BigInt(bytes.length) || (bytes[Number(i)]! & 0xc0) !== 0x80;

/** The objects a pass left live when main returns (in the ILs that count references), or null:
 * none, or only those the program's own cycles keep (which the brief allows). */
export const leaked = (o: Outcome): NonNullable<Outcome["live"]> | null => (o.live != null && o.live.objects > 0 && !o.cycles ? o.live : null);

/** Two outcomes agree when the world cannot tell them apart. */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.stdout === b.stdout && a.status === b.status && a.panic === b.panic && a.outOfFuel === b.outOfFuel;
}

/** How many line breaks a text has (counted, not split: an output of millions of lines would be millions of strings). */
export function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

export function describeOutcome(o: Outcome): string {
  const end = o.outOfFuel
    ? "ran out of fuel"
    : o.hostStack
      ? `panic: stack overflow (status 101), of the interpreter's own stack (${maxCallDepthText} calls, or fewer when JavaScript's stack is full): a compiled program goes much deeper`
      : o.panic !== null
        ? `panic: ${o.panic} (status ${o.status})`
        : `status ${o.status}`;
  const lines = newlines(o.stdout);
  const leak = o.live ? `; ${o.live.objects} object(s), ${o.live.bytes} bytes live at the end${o.cycles ? " (held by the program's own cycles)" : ""}` : "";
  return `${end}; ${lines} line(s) of output${leak}`;
}

export { INT_MAX, INT_MIN };
