// Scheduler scripts: programs of runtime operations (spawn a task running a
// block of operations, send, receive, close, yield, scopes, ...) that prove the
// runtime's tasks and channels without the language. The same script runs
//
// - on each target's runtime, interpreted by a hand-written assembly main
//   (tests/runtime-smoke/sched_<target>.s, whose header is the reference for
//   what each operation does), and
// - on the runtime model (interp/scheduler.ts over interp/heap.ts), by
//   `runModel` below, which says the same in TypeScript;
//
// and tests/scheduler.test.ts checks that they print the same, end with the
// same status, and leave the same objects live.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fieldsInfo, channelInfo, payloadOffset, wordBytes } from "../../ir-defs/heap-layout.js";
import { Panic } from "../../ir-defs/semantics.js";
import type { Heap } from "../../interp/heap.js";
import { RuntimeModel } from "../../interp/runtime-model.js";
import type { Body, Scheduler, Suspend } from "../../interp/scheduler.js";
import { packageRoot } from "../../driver/paths.js";
import { assembleAndLink, toolNames } from "../../driver/toolchain.js";
import type { Target } from "../../ir-defs/targets.js";

/** One operation (its opcode in the assembly mains in brackets). */
export type Op =
  | { readonly op: "print"; readonly n: number } // [1] print 1000 * instance + n
  | { readonly op: "chan"; readonly k: number; readonly cap: number; readonly refs: boolean } // [2]
  | { readonly op: "send"; readonly k: number; readonly v: number } // [3]
  | { readonly op: "recv"; readonly k: number } // [4]
  | { readonly op: "close"; readonly k: number } // [5]
  | { readonly op: "yield" } // [6]
  | { readonly op: "open" } // [7]
  | { readonly op: "closeScope" } // [8]
  | { readonly op: "spawn"; readonly block: number; readonly n: number } // [9]
  | { readonly op: "recurse"; readonly depth: number } // [10]
  | { readonly op: "drop"; readonly k: number } // [11]
  | { readonly op: "exit"; readonly code: number } // [12]
  | { readonly op: "panic" } // [13]
  | { readonly op: "forever" } // [14]
  | { readonly op: "trysend"; readonly k: number; readonly v: number }; // [15]

/** Block 0 is main's; a spawn names the block its tasks run. */
export type Script = readonly (readonly Op[])[];

/** How many channel slots the mains have. */
export const slotCount = 16;

function words(op: Op): number[] {
  switch (op.op) {
    case "print": return [1, op.n];
    case "chan": return [2, op.k, op.cap, op.refs ? 1 : 0];
    case "send": return [3, op.k, op.v];
    case "recv": return [4, op.k];
    case "close": return [5, op.k];
    case "yield": return [6];
    case "open": return [7];
    case "closeScope": return [8];
    case "spawn": return [9, op.block, op.n];
    case "recurse": return [10, op.depth];
    case "drop": return [11, op.k];
    case "exit": return [12, op.code];
    case "panic": return [13];
    case "forever": return [14];
    case "trysend": return [15, op.k, op.v];
  }
}

/** The script as the mains read it on stdin: the number of blocks, then each block's length and words, one a line. */
export function encode(script: Script): string {
  const out = [script.length];
  for (const block of script) {
    const w = block.flatMap(words);
    out.push(w.length, ...w);
  }
  return `${out.join("\n")}\n`;
}

/** A script, readably (for a failing property's report). */
export function show(script: Script): string {
  const one = (op: Op) => {
    const { op: name, ...rest } = op;
    const args = Object.values(rest).map((x) => (typeof x === "boolean" ? (x ? "refs" : "ints") : String(x)));
    return args.length > 0 ? `${name} ${args.join(" ")}` : name;
  };
  return script.map((block, i) => `block ${i}: ${block.map(one).join("; ")}`).join("\n");
}

/** What a run shows: stdout, stderr (a panic, or the leak check's line) and the exit status. */
export interface Seen {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** Makes the scheduler a run uses: the model's, or a faulty copy of it. */
export type MakeScheduler = (heap: Heap, start: (code: unknown, env: unknown) => Body) => Scheduler;

const box = fieldsInfo("0");
const env3 = fieldsInfo("000");
const field = (address: bigint, i: number) => address + BigInt(payloadOffset + wordBytes * i);

/** Runs a script on the runtime model, with QNANO_LEAK_CHECK set, as the mains do. */
export function runModel(script: Script, make?: MakeScheduler): Seen {
  const model = new RuntimeModel({}, "counted");
  const heap = model.heap;
  const slots: bigint[] = new Array<bigint>(slotCount).fill(0n);
  let instances = 0;
  const start = (_code: unknown, env: unknown) => taskEntry(env as bigint);
  // (the runtime model's own scheduler, as an interpreter gets it, unless a faulty copy is asked for)
  const sched: Scheduler = make === undefined ? model.scheduler(start) : make(heap, start);
  const print = (n: bigint) => model.printInt(n);

  // task_entry(env): run the block; env = (block, scope, instance) is its own.
  function* taskEntry(env: bigint): Generator<Suspend, void, undefined> {
    const [block, scope, instance] = [0, 1, 2].map((i) => heap.load(field(env, i)) as bigint);
    yield* runBlock(Number(block), Number(instance), scope!);
    heap.release(env);
  }

  function* runBlock(block: number, instance: number, inherited: bigint): Generator<Suspend, void, undefined> {
    const scopes: bigint[] = [];
    for (const op of script[block] ?? []) {
      // an op on a channel holds a reference of its own while it runs
      const channel = (k: number): bigint | null => {
        const ch = slots[k]!;
        if (ch === 0n) print(-2n);
        return ch === 0n ? null : ch;
      };
      switch (op.op) {
        case "print": print(BigInt(1000 * instance + op.n)); break;
        case "chan": {
          const ch = sched.channel(BigInt(op.cap), channelInfo(op.refs ? "1" : "0"));
          const old = slots[op.k]!;
          slots[op.k] = ch;
          if (old !== 0n) heap.release(old);
          break;
        }
        case "send": case "trysend": {
          const ch = channel(op.k);
          if (ch === null) break;
          heap.retain(ch);
          let value: bigint = BigInt(op.v);
          if (carriesRefs(heap, ch)) {
            value = heap.alloc(24n, box);
            heap.store(field(value, 0), BigInt(op.v));
          }
          if (op.op === "send") yield* sched.send(ch, value);
          else print(sched.trySend(ch, value) ? 1n : 0n);
          heap.release(ch);
          break;
        }
        case "recv": {
          const ch = channel(op.k);
          if (ch === null) break;
          heap.retain(ch);
          const [value, found] = yield* sched.recv(ch);
          let shown = found ? (value as bigint) : -1n;
          if (found && carriesRefs(heap, ch)) {
            shown = heap.load(field(value as bigint, 0)) as bigint;
            heap.release(value);
          }
          print(shown);
          heap.release(ch);
          break;
        }
        case "close": {
          const ch = channel(op.k);
          if (ch !== null) sched.close(ch);
          break;
        }
        case "yield": yield* sched.yield(); break;
        case "open": scopes.push(sched.scopeOpen()); break;
        case "closeScope":
          if (scopes.length === 0) print(-3n);
          else yield* sched.scopeClose(scopes.pop());
          break;
        case "spawn": {
          const scope = scopes.at(-1) ?? inherited;
          if (scope === 0n) {
            print(-3n);
            break;
          }
          for (let i = 0; i < op.n; i++) {
            const env = heap.alloc(40n, env3);
            [BigInt(op.block), scope, BigInt(++instances)].forEach((w, j) => heap.store(field(env, j), w));
            sched.spawn(scope, "task_entry", env);
          }
          break;
        }
        case "recurse": {
          yield* sched.yield(); // at the bottom of the recursion
          const d = BigInt(op.depth);
          print((1000n * d * (d + 1n)) / 2n + d * BigInt(instance));
          break;
        }
        case "drop": {
          const ch = channel(op.k);
          if (ch === null) break;
          slots[op.k] = 0n;
          heap.release(ch);
          break;
        }
        case "exit": model.exit(BigInt(op.code)); break;
        case "panic": throw new Panic("boom");
        case "forever": throw new Panic("stack overflow");
      }
    }
    while (scopes.length > 0) yield* sched.scopeClose(scopes.pop());
  }

  const outcome = model.run(() => sched.run(runBlock(0, 0, 0n)));
  const stderr = outcome.panic !== null ? `panic: ${outcome.panic}\n` : outcome.live ? `leak check: ${outcome.live.objects} objects, ${outcome.live.bytes} bytes live\n` : "";
  return { stdout: outcome.stdout, stderr, status: outcome.status };
}

const carriesRefs = (heap: Heap, ch: bigint) => ((heap.load(ch + 8n) as bigint) >> 8n) & 1n;

/** The script interpreter linked with a target's runtime, built once per process. */
const built = new Map<Target, string>();

export function mainFor(target: Target, dir: string): string {
  let exe = built.get(target);
  if (exe === undefined) {
    exe = join(dir, `sched-${target}`);
    // (the driver links the runtime with it, as with a compiled program)
    assembleAndLink(readFileSync(join(packageRoot, "tests", "runtime-smoke", `sched_${target}.s`), "utf8"), target, exe);
    built.set(target, exe);
  }
  return exe;
}

/** Runs a script on a target's runtime (natively, or under qemu), with QNANO_LEAK_CHECK set. */
export function runMain(exe: string, target: Target, script: Script | string, extraEnv: Record<string, string> = {}): Seen {
  const r = spawnSync(toolNames(target).run[0] ?? exe, toolNames(target).run.length > 0 ? [exe] : [], {
    input: typeof script === "string" ? script : encode(script),
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", QNANO_LEAK_CHECK: "1", ...extraEnv },
    maxBuffer: 1 << 28,
    timeout: 60_000,
  });
  if (r.error !== undefined) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** A script written as `show` writes it: a block a line (`block i:` may start it), operations separated by `;`. */
export function parseScript(text: string): Script {
  return text
    .trim()
    .split("\n")
    .map((line) =>
      line
        .replace(/^\s*block \d+:/, "")
        .split(";")
        .map((s) => s.trim().split(/\s+/))
        .filter((w) => w[0] !== "")
        .map((w): Op => {
          const [name, ...a] = w;
          const n = (i: number) => {
            const x = Number(a[i]);
            if (!Number.isInteger(x)) throw new Error(`bad operand in ${w.join(" ")}`);
            return x;
          };
          switch (name) {
            case "print": return { op: "print", n: n(0) };
            case "chan": return { op: "chan", k: n(0), cap: n(1), refs: a[2] === "refs" };
            case "send": return { op: "send", k: n(0), v: n(1) };
            case "recv": return { op: "recv", k: n(0) };
            case "close": return { op: "close", k: n(0) };
            case "yield": return { op: "yield" };
            case "open": return { op: "open" };
            case "closeScope": return { op: "closeScope" };
            case "spawn": return { op: "spawn", block: n(0), n: n(1) };
            case "recurse": return { op: "recurse", depth: n(0) };
            case "drop": return { op: "drop", k: n(0) };
            case "exit": return { op: "exit", code: n(0) };
            case "panic": return { op: "panic" };
            case "forever": return { op: "forever" };
            case "trysend": return { op: "trysend", k: n(0), v: n(1) };
          }
          throw new Error(`no operation ${String(name)}`);
        }),
    );
}
