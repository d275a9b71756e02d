// Scheduler scripts (script.ts) as programs of the back ends' first ILs,
// Lx86var and La64var: each block a function of the program calling the
// runtime's routines as compiled code does, so that the machine models (and,
// through the back ends' passes, the binaries) run what runModel runs, and
// print the same. tests/machine-tasks.test.ts checks them against it.
//
// The program: main makes a shared array of 17 words (the channel slots 0-15,
// then the count of task instances; its elements no references, so releasing
// it at main's end leaves the channels in it live, as runModel does), runs
// block 0 with instance 0 and no inherited scope, and releases the array. A
// spawned task runs `fn.block<k>(env)`, env a fields object (40 bytes, no
// references, as runModel's) of the shared array, the scope it was spawned in
// and its instance; it releases env at its end. Every operation does what
// runModel's does (a channel the operation uses is retained while it runs; a
// channel carries references when its info word has bit 8), with one
// difference that no run can see: the block's scopes are variables, since
// `open` and `closeScope` nest within a block's operations.

import { arrayInfo, channelInfo, elementsOffset, fieldOffset, fieldsInfo, infoOffset } from "../../ir-defs/heap-layout.js";
import type { Target } from "../../ir-defs/targets.js";
import type { Op, Script } from "./script.js";
import { slotCount } from "./script.js";

type Operand = string | number | bigint;

/** How a target writes the few instructions the scripts need, in its first IL (after lower-calls). */
interface Writer {
  readonly extension: string;
  readonly args: readonly string[];
  readonly results: readonly string[];
  mov(dst: string, src: Operand): string[];
  addImm(dst: string, k: number): string[];
  /** dst = dst * k + add. */
  mulAdd(dst: string, k: number, add: string): string[];
  /** dst = (dst >> 8) & 1. */
  bit8(dst: string): string[];
  load(dst: string, base: string, offset: number): string[];
  store(src: string, base: string, offset: number): string[];
  inc(v: string): string[];
  call(symbol: string, args: readonly string[]): string[];
  addressOfFunction(dst: string, symbol: string): string[];
  addressOfData(dst: string, label: string): string[];
  ifZero(v: string, label: string): string[];
  ifNotZero(v: string, label: string): string[];
  ifAtLeast(v: string, k: number, label: string): string[];
  jump(label: string): string[];
}

const imm = (x: Operand, mark: string): string => (typeof x === "string" ? x : `${mark}${x}`);

const x86: Writer = {
  extension: "lx86var",
  args: ["%rdi", "%rsi", "%rdx"],
  results: ["%rax", "%rdx"],
  mov: (dst, src) => [`movq ${imm(src, "$")}, ${dst}`],
  addImm: (dst, k) => [`addq $${k}, ${dst}`],
  mulAdd: (dst, k, add) => [`imulq $${k}, ${dst}`, `addq ${add}, ${dst}`],
  bit8: (dst) => [`sarq $8, ${dst}`, `andq $1, ${dst}`],
  load: (dst, base, offset) => [`movq ${offset}(${base}), ${dst}`],
  store: (src, base, offset) => [`movq ${src}, ${offset}(${base})`],
  inc: (v) => [`addq $1, (${v})`],
  call: (symbol, args) => [`callq ${symbol}${args.length > 0 ? ` # ${args.join(", ")}` : ""}`],
  addressOfFunction: (dst, symbol) => [`leaq ${symbol}(%rip), ${dst}`],
  addressOfData: (dst, label) => [`leaq ${label}(%rip), ${dst}`],
  ifZero: (v, label) => [`cmpq $0, ${v}`, `je ${label}`],
  ifNotZero: (v, label) => [`cmpq $0, ${v}`, `jne ${label}`],
  ifAtLeast: (v, k, label) => [`cmpq $${k}, ${v}`, `jge ${label}`],
  jump: (label) => [`jmp ${label}`],
};

const aarch64: Writer = {
  extension: "la64var",
  args: ["x0", "x1", "x2"],
  results: ["x0", "x1"],
  mov: (dst, src) => [`mov ${dst}, ${imm(src, "#")}`],
  addImm: (dst, k) => [`add ${dst}, ${dst}, #${k}`],
  mulAdd: (dst, k, add) => [`mov k.0, #${k}`, `mul ${dst}, ${dst}, k.0`, `add ${dst}, ${dst}, ${add}`],
  bit8: (dst) => [`asr ${dst}, ${dst}, #8`, `and ${dst}, ${dst}, #1`],
  load: (dst, base, offset) => [`ldr ${dst}, [${base}, #${offset}]`],
  store: (src, base, offset) => [`str ${src}, [${base}, #${offset}]`],
  inc: (v) => [`ldr count.0, [${v}, #0]`, "add count.0, count.0, #1", `str count.0, [${v}, #0]`],
  call: (symbol, args) => [`bl ${symbol}${args.length > 0 ? ` // ${args.join(", ")}` : ""}`],
  addressOfFunction: (dst, symbol) => [`adrp ${dst}, ${symbol}`, `add ${dst}, ${dst}, :lo12:${symbol}`],
  addressOfData: (dst, label) => [`adrp ${dst}, ${label}`, `add ${dst}, ${dst}, :lo12:${label}`],
  ifZero: (v, label) => [`cbz ${v}, ${label}`],
  ifNotZero: (v, label) => [`cmp ${v}, #0`, `b.ne ${label}`],
  ifAtLeast: (v, k, label) => [`cmp ${v}, #${k}`, `b.ge ${label}`],
  jump: (label) => [`b ${label}`],
};

export const writers: Readonly<Record<Target, Writer>> = { x86_64: x86, aarch64 };

const slotOffset = (k: number) => elementsOffset + 8 * k;
const instancesOffset = slotOffset(slotCount);
const box = fieldsInfo("0");
const env3 = fieldsInfo("000");

/** The program of a script in the target's first IL, as il/read.ts reads it. */
export function scriptProgram(script: Script, target: Target): string {
  const w = writers[target];
  const blocks: string[] = [];
  let fresh = 0;
  const v = (name: string) => `${name}.${++fresh}`;

  /** A call of a runtime routine or function: arguments moved to the argument registers, results moved out. */
  const call = (symbol: string, args: readonly Operand[], results: readonly string[] = []): string[] => [
    ...args.flatMap((a, i) => w.mov(w.args[i]!, a)),
    ...w.call(symbol, w.args.slice(0, args.length)),
    ...results.flatMap((r, i) => w.mov(r, w.results[i]!)),
  ];
  const ret = (fn: string) => [...w.mov(w.results[0]!, 0), ...w.jump(`${fn}.conclusion`)];

  function block(fn: string, b: number): void {
    const out: { label: string; instrs: string[] }[] = [{ label: `${fn}.start`, instrs: [] }];
    let labels = 0;
    const emit = (...instrs: string[][]) => out.at(-1)!.instrs.push(...instrs.flat());
    const label = () => `${fn}.block${++labels}`;
    const start = (l: string) => out.push({ label: l, instrs: [] });

    const [shared, inherited, instance] = [v("shared"), v("inherited"), v("instance")];
    const env = v("env");
    if (fn === "main") {
      emit(call("qn_array", [slotCount + 1, 0, arrayInfo("0", 8n)], [shared]), w.mov(inherited, 0), w.mov(instance, 0));
    } else {
      emit(w.mov(env, w.args[0]!), w.load(shared, env, fieldOffset(0)), w.load(inherited, env, fieldOffset(1)), w.load(instance, env, fieldOffset(2)));
    }
    const print = (x: Operand) => emit(call("qn_print_int", [x]));
    /** The channel in slot k in `ch`, or -2 printed and a jump to `end`. */
    const channel = (k: number, ch: string, end: string) => {
      const ok = label();
      emit(w.load(ch, shared, slotOffset(k)), w.ifNotZero(ch, ok));
      print(-2);
      emit(w.jump(end));
      start(ok);
    };
    const carriesRefs = (ch: string, refs: string) => emit(w.load(refs, ch, infoOffset), w.bit8(refs));
    const scopes: string[] = [];

    const op = (o: Op): void => {
      switch (o.op) {
        case "print": {
          const [x, n] = [v("x"), v("n")];
          emit(w.mov(x, instance), w.mov(n, o.n), w.mulAdd(x, 1000, n)); // 1000 * instance + n
          print(x);
          return;
        }
        case "chan": {
          const [ch, old, skip] = [v("ch"), v("old"), label()];
          emit(call("qn_channel", [o.cap, channelInfo(o.refs ? "1" : "0")], [ch]), w.load(old, shared, slotOffset(o.k)), w.store(ch, shared, slotOffset(o.k)), w.ifZero(old, skip), call("qn_release", [old]));
          start(skip);
          return;
        }
        case "send": case "trysend": {
          const [ch, refs, value, end, go] = [v("ch"), v("refs"), v("value"), label(), label()];
          channel(o.k, ch, end);
          emit(w.inc(ch), w.mov(value, o.v));
          carriesRefs(ch, refs);
          emit(w.ifZero(refs, go));
          const boxed = v("box");
          emit(call("qn_alloc", [24, box], [boxed]), w.store(value, boxed, fieldOffset(0)), w.mov(value, boxed));
          start(go);
          if (o.op === "send") emit(call("qn_send", [ch, value]));
          else {
            const sent = v("sent");
            emit(call("qn_try_send", [ch, value], [sent]));
            print(sent);
          }
          emit(call("qn_release", [ch]), w.jump(end));
          start(end);
          return;
        }
        case "recv": {
          const [ch, refs, value, found, shown, end, show] = [v("ch"), v("refs"), v("value"), v("found"), v("shown"), label(), label()];
          channel(o.k, ch, end);
          emit(w.inc(ch), call("qn_recv", [ch], [value, found]), w.mov(shown, -1), w.ifZero(found, show), w.mov(shown, value));
          carriesRefs(ch, refs);
          emit(w.ifZero(refs, show), w.load(shown, value, fieldOffset(0)), call("qn_release", [value]));
          start(show);
          print(shown);
          emit(call("qn_release", [ch]), w.jump(end));
          start(end);
          return;
        }
        case "close": {
          const [ch, end] = [v("ch"), label()];
          channel(o.k, ch, end);
          emit(call("qn_close", [ch]), w.jump(end));
          start(end);
          return;
        }
        case "drop": {
          const [ch, zero, end] = [v("ch"), v("zero"), label()];
          channel(o.k, ch, end);
          emit(w.mov(zero, 0), w.store(zero, shared, slotOffset(o.k)), call("qn_release", [ch]), w.jump(end));
          start(end);
          return;
        }
        case "yield": emit(call("qn_yield", [])); return;
        case "open": {
          const s = v("scope");
          emit(call("qn_scope_open", [], [s]));
          scopes.push(s);
          return;
        }
        case "closeScope": {
          const s = scopes.pop();
          if (s === undefined) print(-3);
          else emit(call("qn_scope_close", [s]));
          return;
        }
        case "spawn": {
          const [scope, i, e, count, code, loop, done, ok] = [v("scope"), v("i"), v("env"), v("count"), v("code"), label(), label(), label()];
          emit(w.mov(scope, scopes.at(-1) ?? inherited), w.ifNotZero(scope, ok));
          print(-3);
          emit(w.jump(done));
          start(ok);
          emit(w.mov(i, 0));
          start(loop);
          emit(w.ifAtLeast(i, o.n, done));
          emit(call("qn_alloc", [40, env3], [e]), w.store(shared, e, fieldOffset(0)), w.store(scope, e, fieldOffset(1)));
          emit(w.load(count, shared, instancesOffset), w.addImm(count, 1), w.store(count, shared, instancesOffset), w.store(count, e, fieldOffset(2)));
          emit(w.addressOfFunction(code, `fn.block${o.block}`), call("qn_spawn", [scope, code, e]), w.addImm(i, 1), w.jump(loop));
          start(done);
          return;
        }
        case "recurse": {
          const r = v("r");
          emit(call("fn.recurse", [o.depth, instance], [r]));
          print(r);
          return;
        }
        case "exit": emit(call("qn_exit", [o.code])); return;
        case "panic": {
          const m = v("message");
          emit(w.addressOfData(m, ".Lstr0"), call("qn_panic_string", [m]));
          return;
        }
        case "forever": {
          const r = v("r");
          emit(call("fn.forever", [], [r]));
          return;
        }
      }
    };
    for (const o of script[b] ?? []) op(o);
    for (let s = scopes.pop(); s !== undefined; s = scopes.pop()) emit(call("qn_scope_close", [s]));
    if (fn === "main") emit(call("qn_release", [shared]));
    else emit(call("qn_release", [env]));
    emit(ret(fn));
    blocks.push(out.map((b) => `  ${b.label}:\n${b.instrs.map((i) => `    ${i}\n`).join("")}`).join("\n"));
  }

  script.forEach((_, b) => block(b === 0 ? "main" : `block${b}`, b));
  // recurse(k, instance): k == 0: yield, 0; else recurse(k - 1, instance) + 1000 * k + instance
  const [k, inst, r, t, deeper] = [v("k"), v("instance"), v("r"), v("t"), "recurse.block1"];
  blocks.push(
    [
      "  recurse.start:",
      ...[...w.mov(k, w.args[0]!), ...w.mov(inst, w.args[1]!), ...w.ifNotZero(k, deeper), ...call("qn_yield", []), ...ret("recurse")].map((i) => `    ${i}`),
      "",
      `  ${deeper}:`,
      ...[...w.mov(t, k), ...w.addImm(t, -1), ...call("fn.recurse", [t, inst], [r]), ...w.mulAdd(k, 1000, inst), ...w.mov(w.results[0]!, r)].map((i) => `    ${i}`),
      ...(target === "x86_64" ? [`    addq ${k}, %rax`] : [`    add x0, x0, ${k}`]),
      ...w.jump("recurse.conclusion").map((i) => `    ${i}`),
      "",
    ].join("\n"),
  );
  // forever(): forever() + 1, never a tail call
  const f = v("f");
  blocks.push(["  forever.start:", ...[...call("fn.forever", [], [f]), ...w.addImm(f, 1), ...w.mov(w.results[0]!, f), ...w.jump("forever.conclusion")].map((i) => `    ${i}`), ""].join("\n"));
  return `${blocks.join("\n")}\n  .Lstr0: static "boom"\n`;
}
