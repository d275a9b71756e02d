// Both back ends on Lalloc's heap forms: loads, stores, index checks, inc and
// dec, alloc and alloc_array, the string primitives and string literals as
// static objects. Each program is written by hand in Lalloc's printed syntax
// (read by il/read.ts; the blocks before any `fn` are main's) and, on each target, goes through every back-end pass:
// each output is validated against its IL, each IL's machine model must give
// the expected outcome (and leave the expected number of objects live), and so
// must the real binary, linked with the runtime's heap routines.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { explainValidation, validate } from "../il/validate.js";
import type { AnyNode } from "../il/node.js";
import { forEachNode } from "../il/rewrite.js";
import { interpreterFor } from "../interp/index.js";
import { describeOutcome, type Outcome } from "../interp/runtime-model.js";
import { ilName } from "../il/pass.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { checkedAssembly } from "./checked-steps.js";
import { La64patched } from "../ir-defs/aarch64/la64patched.js";
import { La64var } from "../ir-defs/aarch64/la64var.js";
import { Lx86patched } from "../ir-defs/x86_64/lx86patched.js";
import { Lx86var } from "../ir-defs/x86_64/lx86var.js";
import { backEnds } from "../passes/pipeline.js";
import { readProgram } from "../il/read.js";

interface Expected {
  readonly stdout: string;
  readonly status?: number;
  readonly panic?: string;
  readonly stdin?: string;
  /** Objects the models find live when main returns (string literals do not count). */
  readonly live?: number;
}

const dir = mkdtempSync(join(tmpdir(), "qnano-heap-backend-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const context = { file: "test.qs", source: "" };
const lalloc = (text: string) => readProgram(Lalloc, /^\s*fn /.test(text) ? text : `fn main()${text}`);


function sameAs(where: string, outcome: Outcome, expected: Expected): void {
  assert.is(outcome.outOfFuel, false, `${where}: ran out of fuel`);
  assert.is(outcome.stdout, expected.stdout, `${where}: stdout (${describeOutcome(outcome)})`);
  assert.is(outcome.status, expected.status ?? (expected.panic !== undefined ? 101 : 0), `${where}: exit status`);
  assert.is(outcome.panic, expected.panic ?? null, `${where}: panic message`);
  if (expected.live !== undefined && outcome.live) assert.is(outcome.live.objects, expected.live, `${where}: objects live at the end`);
}

/** Every back-end pass of the target on the program (the driver's checking loop), each output checked; the programs of each IL, and the assembly. */
function compileAndCheck(target: Target, text: string, expected: Expected): { stages: Map<string, unknown>; asm: string; live: Outcome["live"] } {
  const stages = new Map<string, unknown>();
  let live: Outcome["live"] = null;
  const asm = checkedAssembly({ program: lalloc(text), il: Lalloc, check: true, context }, backEnds[target], expected.stdin ?? "", (where, outcome, step) => {
    if (step.pass.name === "input") return sameAs(where, outcome, expected);
    if (outcome.status === 0 && !outcome.outOfFuel) assert.ok(outcome.live, `${where}: the model counts objects`);
    sameAs(`${target} ${where}`, outcome, expected);
    stages.set(ilName(step.pass.to), step.output);
    live = outcome.live ?? null;
  });
  return { stages, asm, live };
}

let binaries = 0;
/** The binary, with the runtime's leak check on: when main returns it must find what the models found live. */
function runReal(target: Target, asm: string, expected: Expected, live: Outcome["live"]): void {
  const exe = join(dir, `program${binaries++}.${target}`);
  assembleAndLink(asm, target, exe);
  const run = runBinary(exe, target, { stdin: expected.stdin ?? "", env: { QNANO_LEAK_CHECK: "1" } });
  assert.is(run.timedOut, false, "the binary timed out");
  assert.is(run.stdout, expected.stdout, `${target} binary stdout`);
  const leaks = live ? `leak check: ${live.objects} objects, ${live.bytes} bytes live\n` : "";
  assert.is(run.stderr, expected.panic !== undefined ? `panic: ${expected.panic}\n` : leaks, `${target} binary stderr`);
  assert.is(run.status, expected.status ?? (expected.panic !== undefined ? 101 : 0), `${target} binary exit status`);
}

const tests = Object.fromEntries(targets.map((t) => [t, suite(`heap forms on ${t}`)])) as Record<Target, ReturnType<typeof suite>>;

/** A program checked on both targets, in the models and as binaries; `more` looks at the compiled stages. */
function check(name: string, text: string, expected: Expected, more?: (target: Target, stages: Map<string, unknown>, asm: string) => void): void {
  for (const target of targets) {
    tests[target](name, () => {
      const { stages, asm, live } = compileAndCheck(target, text, expected);
      more?.(target, stages, asm);
      runReal(target, asm, expected, live);
    });
  }
}

/** The instructions of a compiled program (blocks of instrs). */
function instructions(program: unknown): AnyNode[] {
  return (program as { blocks: { instrs: AnyNode[] }[] }).blocks.flatMap((b) => b.instrs);
}

// ---------------------------------------------------------------- fields objects

check("a fields object: made, stored, loaded, counted up and down to freeing", `
main.start:
  p = alloc(32, 0x201)
  *(p + 16) = 7
  *(p + 24) = -5000000000
  a = *(p + 16): Int
  b = *(p + 24): Int
  print_int(a)
  print_int(b)
  info = *(p + 8): Int
  print_int(info)
  q = p
  inc q
  c = *(q + 0): Int
  print_int(c)
  dec q
  c = *(p + 0): Int
  print_int(c)
  dec p
  return ()
`, { stdout: "7\n-5000000000\n513\n2\n1\n", live: 0 }, (target, stages, asm) => {
  if (target === "x86_64") {
    assert.match(asm, /addq +\$1, \(%r[a-z0-9]+\)/, "inc is one addq to memory");
    assert.match(asm, /movq +16\(%r[a-z0-9]+\), %r/, "a field is one movq from memory");
  } else {
    assert.match(asm, /ldr +x\d+, \[x\d+, #16\]/, "a field is one ldr");
  }
  assert.ok(stages.size > 0);
});

check("a box holding a string: freeing it releases the string", `
main.start:
  s = concat("ab", "cd")
  b = alloc(24, 0x10101)
  *(b + 16) = s
  t = *(b + 16): Ref
  print_string(t)
  dec b
  return ()
`, { stdout: "abcd\n", live: 0 });

check("an object left live is counted", `
main.start:
  p = alloc(24, 0x101)
  *(p + 16) = true
  x = *(p + 16): Bool
  print_bool(x)
  return ()
`, { stdout: "true\n", live: 1 });

// ---------------------------------------------------------------- arrays

const squares = `
main.start:
  n = read_int()
  a = alloc_array(n, 0, 0x2)
  i = 0
  goto main.fill
main.fill:
  if i < n goto main.body else main.sum
main.body:
  len = *(a + 16): Int
  check 0 <= i < len
  sq = (i * i)
  *(a + 24 + 8 * i) = sq
  i = (i + 1)
  goto main.fill
main.sum:
  i = 0
  total = 0
  goto main.test
main.test:
  if i < n goto main.add else main.done
main.add:
  len = *(a + 16): Int
  check 0 <= i < len
  x = *(a + 24 + 8 * i): Int
  total = (total + x)
  i = (i + 1)
  goto main.test
main.done:
  print_int(total)
  check 0 <= 3 < len
  y = *(a + 24 + 8 * 3): Int
  print_int(y)
  k = read_int()
  check 0 <= k < len
  z = *(a + 24 + 8 * k): Int
  print_int(z)
  dec a
  return ()
`;

check("an array: alloc_array, stores and loads with a variable index, the check passing", squares, { stdin: "10\n7\n", stdout: "285\n9\n49\n", live: 0 }, (target, _stages, asm) => {
  if (target === "x86_64") {
    assert.match(asm, /movq +%r[a-z0-9]+, 24\(%r[a-z0-9]+,%r[a-z0-9]+,8\)/, "a store is one movq with a scaled index");
    assert.match(asm, /movq +24\(%r[a-z0-9]+,%r[a-z0-9]+,8\), %r/, "a load is one movq with a scaled index");
    assert.match(asm, /cmpq +%r[a-z0-9]+, %r[a-z0-9]+\n +jae +qn_index_out_of_bounds/, "the check is cmpq and jae");
    assert.match(asm, /movq +48\(%r[a-z0-9]+\), %r/, "a constant index is folded into the offset");
  } else {
    assert.match(asm, /add +x\d+, x\d+, x\d+, lsl #3\n +str +x\d+, \[x\d+, #24\]/, "a store is add then str");
    assert.match(asm, /add +x\d+, x\d+, x\d+, lsl #3\n +ldr +x\d+, \[x\d+, #24\]/, "a load is add then ldr");
    assert.match(asm, /cmp +x\d+, x\d+\n +b\.hs +qn_index_out_of_bounds/, "the check is cmp and b.hs");
    assert.match(asm, /ldr +x\d+, \[x\d+, #48\]/, "a constant index is folded into the offset");
  }
});

check("an index equal to the length fails the check", squares, { stdin: "4\n4\n", stdout: "14\n9\n", panic: "index out of bounds" });
check("a negative index fails the check", squares, { stdin: "4\n-1\n", stdout: "14\n9\n", panic: "index out of bounds" });
check("a constant index beyond the length fails the check", squares, { stdin: "3\n0\n", stdout: "5\n", panic: "index out of bounds" });

check("constant indices and lengths", `
main.start:
  a = alloc_array(5, 7, 0x2)
  check 0 <= 4 < 5
  x = *(a + 24 + 8 * 4): Int
  print_int(x)
  n = *(a + 16): Int
  i = 4
  check 0 <= i < 5
  *(a + 24 + 8 * i) = 5000000000
  y = *(a + 24 + 8 * i): Int
  print_int(y)
  check 0 <= -1 < n
  print_int(0)
  return ()
`, { stdout: "7\n5000000000\n", panic: "index out of bounds" });

check("an array of references: its elements are counted, and released with it", `
main.start:
  s = concat("x", "y")
  a = alloc_array(3, s, 0x102)
  c = *(s + 0): Int
  print_int(c)
  e = *(a + 24 + 8 * 2): Ref
  print_string(e)
  dec s
  dec a
  return ()
`, { stdout: "4\nxy\n", live: 0 });

// ---------------------------------------------------------------- strings

check("string literals are static objects: printed, concatenated, compared, measured", `
main.start:
  print_string("héllo")
  s = "abc"
  t = concat(s, "def")
  print_string(t)
  e = string_eq(t, "abcdef")
  print_bool(e)
  f = string_eq(t, s)
  print_bool(f)
  l = *(t + 16): Int
  print_int(l)
  m = *(s + 16): Int
  print_int(m)
  n = *("héllo" + 16): Int
  print_int(n)
  inc s
  c = *(s + 0): Int
  print_int(c)
  dec s
  k = *(s + 8): Int
  print_int(k)
  dec t
  return ()
`, { stdout: "héllo\nabcdef\ntrue\nfalse\n6\n3\n6\n4611686018427387905\n3\n", live: 0 }, (target, stages, asm) => {
  assert.match(asm, /\.data\n/, "string objects are in writable data");
  assert.not.match(asm, /\.rodata/, "no read-only data");
  assert.match(asm, /\.balign 8\n\.Lstr0:\n +\.quad 0x4000000000000000, 3, 6\n +\.ascii "h\\303\\251llo"/, "a string object: count, info, length, bytes");
  assert.is(asm.match(/\.ascii/g)?.length, 4, "each literal once");
  assert.ok(stages.get(target === "x86_64" ? "Lx86" : "La64"));
});

check("panic with a computed message", `
main.start:
  print_int(1)
  m = concat("bad ", "thing")
  panic(m)
  return ()
`, { stdout: "1\n", panic: "bad thing" });

check("panic with a literal message, and with a literal in a variable", `
main.start:
  x = read_int()
  if x == 1 goto main.one else main.two
main.one:
  panic("literal")
  return ()
main.two:
  m = "in a variable"
  panic(m)
  return ()
`, { stdin: "2\n", stdout: "", panic: "in a variable" });

// ---------------------------------------------------------------- functions

check("strings, arrays and functions as arguments, results, stack arguments and fields", `
fn fill(a, v, n) refs a
fill.start:
  i = 0
  goto fill.test
fill.test:
  if i < n goto fill.body else fill.done
fill.body:
  check 0 <= i < n
  *(a + 24 + 8 * i) = v
  i = (i + 1)
  goto fill.test
fill.done:
  return ()
fn many(a1, a2, a3, a4, a5, a6, a7, a8, a9) refs a7, a8, a9
many.start:
  l7 = *(a7 + 16): Int
  l9 = *(a9 + 16): Int
  s = (l7 + l9)
  print_string(a8)
  return s
fn greet(name) refs name
greet.start:
  g = concat("hi ", name)
  return g
fn literal()
literal.start:
  return "a literal"
fn twice(x)
twice.start:
  y = (x * 2)
  return y
fn show(s) refs s
show.start:
  print_string(s)
  return ()
fn last()
last.start:
  tailcall &show("tail")
fn main()
main.start:
  a = alloc_array(4, 0, 0x2)
  x = call &fill(a, 9, 4)
  y = *(a + 24 + 8 * 3): Int
  print_int(y)
  z = call &many(1, 2, 3, 4, 5, 6, "seven", "eight", "nine!")
  print_int(z)
  f = &greet
  h = call f("you")
  print_string(h)
  l = call &literal()
  print_string(l)
  p = alloc(24, 0x101)
  *(p + 16) = &twice
  t = *(p + 16): fn(Int) -> Int
  r = call t(21)
  print_int(r)
  strings = alloc_array(2, "lit", 0x102)
  e = *(strings + 24 + 8 * 1): Ref
  print_string(e)
  u = call &last()
  dec strings
  dec p
  dec h
  dec a
  return ()
`, { stdout: "9\neight\n10\nhi you\na literal\n42\nlit\ntail\n", live: 0 });

// ---------------------------------------------------------------- spills

// Thirty variables used in a loop cost more than the array, its index and the
// value stored, which are used once each and live across the loop and a call:
// those go to stack slots, and patch-instructions must bring them into scratch
// registers.
const many = Array.from({ length: 30 }, (_, k) => `k${k}`);
check("base, index and stored value in stack slots", `
main.start:
  n = 5
  a = alloc_array(n, 0, 0x2)
  i = read_int()
  v = read_int()
  u = *(a + 16): Int
${many.map((k, i) => `  ${k} = ${i + 1}`).join("\n")}
  j = 0
  goto main.loop
main.loop:
  if j < 3 goto main.body else main.after
main.body:
${many.map((k) => `  ${k} = (${k} + 1)`).join("\n")}
  j = (j + 1)
  goto main.loop
main.after:
  print_int(0)
  check 0 <= i < n
  *(a + 24 + 8 * i) = v
  w = *(a + 24 + 8 * i): Int
  print_int(w)
  inc a
  c = *(a + 0): Int
  print_int(c)
  dec a
  s = 0
${many.map((k) => `  s = (s + ${k})`).join("\n")}
  print_int(s)
  print_int(u)
  dec a
  return ()
`, { stdin: "3\n-42\n", stdout: `0\n-42\n2\n${(30 * 31) / 2 + 90}\n5\n`, live: 0 }, (target, stages) => {
  const homes = instructions(stages.get(target === "x86_64" ? "Lx86homes" : "La64homes"));
  const inSlot = (field: string) => homes.some((i) => ["Load", "LoadIndexed", "Store", "StoreIndexed", "IncMem"].includes(i.kind) && (i[field] as AnyNode | undefined)?.kind === "Slot");
  assert.ok(inSlot("base"), "a base in a slot");
  if (target === "x86_64") assert.ok(inSlot("index"), "an index in a slot");
  assert.ok(inSlot("src"), "a stored value in a slot");
  assert.ok(inSlot("dst"), "a loaded value in a slot");
  let found = false;
  const patched = target === "x86_64" ? Lx86patched : La64patched;
  forEachNode(patched, stages.get(patched.name), (n) => void (found ||= n.kind === "Slot"));
  assert.ok(found, "slots are left for add-prelude-and-conclusion");
});

// ---------------------------------------------------------------- what the checks catch

const checks = suite("heap forms: what the invariants and the models catch");
const one = (instr: unknown, data: unknown[] = []) => ({ kind: "Program", blocks: [{ kind: "Block", label: "main.start", instrs: [instr] }], data });
const [slot, reg, v] = [(index: number) => ({ kind: "Slot", index }), (name: string) => ({ kind: "Reg", name }), (name: string) => ({ kind: "Var", name })];

checks("x86-64: memory accesses in Lx86var and Lx86patched", () => {
  assert.ok(validate(Lx86var, one({ kind: "JmpIf", cc: "ae", target: "qn_index_out_of_bounds" })).ok, "the index check's jump out");
  assert.is(validate(Lx86var, one({ kind: "Load", offset: 16n, base: { kind: "Imm", value: 8n }, dst: v("x") })).ok, false, "an immediate base");
  assert.is(validate(Lx86var, one({ kind: "Leaq", label: ".Lstr0", dst: v("s") }, [{ kind: "Data", label: ".Lstr0", value: "a" }, { kind: "Data", label: ".Lstr0", value: "b" }])).ok, false, "two strings, one label");
  const bad = [
    { kind: "Load", offset: 16n, base: slot(0), dst: reg("rax") },
    { kind: "LoadIndexed", offset: 24n, base: reg("rax"), index: slot(1), dst: reg("rcx") },
    { kind: "Load", offset: 16n, base: reg("rax"), dst: slot(0) },
    { kind: "Store", src: slot(2), offset: 16n, base: reg("rax") },
    { kind: "StoreIndexed", src: slot(2), offset: 24n, base: slot(0), index: slot(1) },
    { kind: "Store", src: { kind: "Imm", value: 1n << 40n }, offset: 16n, base: reg("rax") },
    { kind: "IncMem", base: slot(0) },
  ];
  const patch = backEnds.x86_64.find((p) => p.name === "patch-instructions")!;
  for (const instr of bad) {
    assert.is(validate(Lx86patched, one(instr)).ok, false, `${instr.kind} should break an invariant`);
    const patched = validate(Lx86patched, patch.run(one(instr), context));
    assert.ok(patched.ok, `${instr.kind}: ${explainValidation(patched)}`);
  }
  assert.ok(validate(Lx86patched, one({ kind: "StoreIndexed", src: { kind: "Imm", value: 7n }, offset: 24n, base: reg("rax"), index: reg("rcx") })).ok);
});

checks("AArch64: memory accesses in La64var and La64patched", () => {
  assert.ok(validate(La64var, one({ kind: "BCond", cond: "hs", target: "qn_index_out_of_bounds" })).ok, "the index check's branch out");
  assert.is(validate(La64var, one({ kind: "Load", dst: v("x"), base: v("p"), offset: 12n })).ok, false, "an offset ldr cannot encode");
  assert.is(validate(La64var, one({ kind: "Store", src: v("x"), base: v("p"), offset: 32768n })).ok, false, "an offset past 32760");
  const bad = [
    { kind: "Load", dst: slot(0), base: reg("x1"), offset: 16n },
    { kind: "Load", dst: reg("x0"), base: slot(1), offset: 16n },
    { kind: "Store", src: slot(0), base: reg("x1"), offset: 24n },
    { kind: "Store", src: { kind: "Imm", value: 0n }, base: reg("x1"), offset: 24n },
    { kind: "AddScaled", dst: reg("x2"), left: slot(0), right: slot(1) },
  ];
  const patch = backEnds.aarch64.find((p) => p.name === "patch-instructions")!;
  for (const instr of bad) {
    assert.is(validate(La64patched, one(instr)).ok, false, `${instr.kind} should break an invariant`);
    const patched = validate(La64patched, patch.run(one(instr), context));
    assert.ok(patched.ok, `${instr.kind}: ${explainValidation(patched)}`);
  }
});

checks("the models: a use after free and a load outside an object are errors of the compiler, not outcomes", () => {
  for (const target of targets) {
    const program = (text: string) => backEnds[target][0]!.run(lalloc(text), context);
    const model = interpreterFor((backEnds[target][0]!.to as { name: string }).name)!; // select-instructions' IL
    const freed = program(`
main.start:
  p = alloc(24, 0x101)
  *(p + 16) = 1
  dec p
  x = *(p + 16): Int
  print_int(x)
  return ()
`);
    assert.throws(() => model(freed), /freed/, `${target}: a load from a freed object`);
    const outside = program(`
main.start:
  p = alloc(24, 0x101)
  x = *(p + 24): Int
  print_int(x)
  return ()
`);
    assert.throws(() => model(outside), /outside the object/, `${target}: a load past the last field`);
  }
});

for (const target of targets) tests[target].run();
checks.run();
