// The x86_64 back end, pass by pass, on small Lcfg programs written by hand in
// Lcfg's printed syntax (read by il/read.ts). For each program:
// every pass's output is validated against its IL, every IL's interpreter (the
// Lcfg interpreter, then the x86 machine model on each x86 IL) gives the outcome
// stated next to the program, and so does the real binary, assembled with the
// runtime and run. Then: the invariants and the machine model do catch what
// they are there to catch.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import type * as Cfg from "../ir-defs/generated/Lcfg.js";
import type * as X86 from "../ir-defs/generated/Lx86.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { Lx86patched } from "../ir-defs/x86_64/lx86patched.js";
import { Lx86var } from "../ir-defs/x86_64/lx86var.js";
import { asciiLiteral } from "../passes/shared/both-targets.js";
import { x86_64Passes } from "../passes/x86_64/index.js";
import { INT_MAX, INT_MIN } from "../ir-defs/semantics.js";
import type { IL } from "../il/define.js";
import { readProgram } from "../il/read.js";
import { explainValidation, validate } from "../il/validate.js";
import { interpreters as cfgInterpreters } from "../interp/cfg.js";
import { describeOutcome, type Outcome } from "../interp/runtime-model.js";
import { checkedAssembly } from "./checked-steps.js";
import { interpreters as x86Interpreters } from "../interp/x86_64.js";

// ---------------------------------------------------------------- programs as Lcfg text

/** A program of one function, main: its blocks in Lcfg's printed syntax (il/read.ts). */
const lcfg = (text: string) => readProgram(Lcfg, `fn main()${text}`) as Cfg.Program;

// ---------------------------------------------------------------- running a program everywhere

interface Expected {
  readonly stdout: string;
  readonly status?: number;
  readonly panic?: string;
  readonly stdin?: string;
}

const dir = mkdtempSync(join(tmpdir(), "qnano-x86_64-test-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const context = { file: "test.qs", source: "" };

function sameAs(where: string, outcome: Outcome, expected: Expected): void {
  assert.is(outcome.outOfFuel, false, `${where}: ran out of fuel`);
  assert.is(outcome.stdout, expected.stdout, `${where}: stdout (${describeOutcome(outcome)})`);
  assert.is(outcome.status, expected.status ?? (expected.panic !== undefined ? 101 : 0), `${where}: exit status`);
  assert.is(outcome.panic, expected.panic ?? null, `${where}: panic message`);
}

/** Runs every x86_64 pass on the program with the driver's checking loop, checking each step; returns the assembly text. */
function compileAndCheck(program: Cfg.Program, expected: Expected): string {
  return checkedAssembly({ program, il: Lcfg, check: true, context }, x86_64Passes, expected.stdin ?? "", (where, outcome) => sameAs(where, outcome, expected));
}

let binaries = 0;
function check(name: string, source: string, expected: Expected): void {
  test(name, () => {
    const asm = compileAndCheck(lcfg(source), expected);
    assert.ok(asm.endsWith("\n"), "the assembly ends with a newline");
    const exe = join(dir, `program${binaries++}`);
    assembleAndLink(asm, "x86_64", exe);
    const run = runBinary(exe, "x86_64", { stdin: expected.stdin ?? "" });
    assert.is(run.timedOut, false, "the binary timed out");
    assert.is(run.stdout, expected.stdout, "binary stdout");
    assert.is(run.stderr, expected.panic !== undefined ? `panic: ${expected.panic}\n` : "", "binary stderr");
    assert.is(run.status, expected.status ?? (expected.panic !== undefined ? 101 : 0), "binary exit status");
  });
}

// ---------------------------------------------------------------- programs

check("arithmetic wraps around 64 bits", `
main.start:
  max = 9223372036854775807
  a = (max + 1)
  print_int(a)
  b = (a - 1)
  print_int(b)
  c = (max * 3)
  print_int(c)
  d = (6 * 7)
  print_int(d)
  return ()
`, { stdout: "-9223372036854775808\n9223372036854775807\n9223372036854775805\n42\n" });

check("a destination that is also an operand", `
main.start:
  x = 10
  x = (3 - x)
  print_int(x)
  y = 5
  y = (2 * y)
  print_int(y)
  y = (y - 4)
  print_int(y)
  z = (y + y)
  print_int(z)
  z = z
  print_int(z)
  return ()
`, { stdout: "-7\n10\n6\n12\n12\n" });

check("division and remainder truncate; MIN / -1 and MIN % -1 do not trap", `
main.start:
  a = -7
  q1 = (7 / 2)
  print_int(q1)
  q2 = (a / 2)
  print_int(q2)
  r1 = (7 % -2)
  print_int(r1)
  r2 = (a % 2)
  print_int(r2)
  min = -9223372036854775808
  m = -1
  q3 = (min / m)
  print_int(q3)
  r3 = (min % m)
  print_int(r3)
  return ()
`, { stdout: "3\n-3\n1\n-1\n-9223372036854775808\n0\n" });

check("division by zero panics", `
main.start:
  print_int(1)
  zero = 0
  x = (5 / zero)
  print_int(x)
  return ()
`, { stdout: "1\n", panic: "division by zero" });

check("a division whose value is unused still checks for zero", `
main.start:
  zero = 0
  (1 % zero)
  print_int(2)
  return ()
`, { stdout: "", panic: "division by zero" });

check("division by constants: -1 without idivq, others without checks, 0 panics", `
main.start:
  min = -9223372036854775808
  a = -17
  q1 = (a / 1)
  print_int(q1)
  q2 = (min / -1)
  print_int(q2)
  r2 = (min % -1)
  print_int(r2)
  q3 = (a / 7)
  print_int(q3)
  r3 = (a % -7)
  print_int(r3)
  q4 = (min / 5000000000)
  print_int(q4)
  r4 = (-9223372036854775807 % 5000000000)
  print_int(r4)
  q5 = (7 / -2)
  print_int(q5)
  (a % -1)
  (a / 7)
  z = (a % 0)
  print_int(z)
  return ()
`, { stdout: "-17\n-9223372036854775808\n0\n-2\n-3\n-1844674407\n-1854775807\n-3\n", panic: "division by zero" });

check("a variable divisor of -1 or 1, on every dividend", `
main.start:
  min = -9223372036854775808
  max = 9223372036854775807
  m = -1
  one = 1
  q1 = (min / m)
  print_int(q1)
  r1 = (min % m)
  print_int(r1)
  q2 = (max / m)
  print_int(q2)
  q3 = (min / one)
  print_int(q3)
  r3 = (max % one)
  print_int(r3)
  m = (m / m)
  print_int(m)
  return ()
`, { stdout: "-9223372036854775808\n0\n-9223372036854775807\n-9223372036854775808\n0\n1\n" });

test("division and remainder need no call into the runtime", () => {
  const asm = compileAndCheck(lcfg(`
main.start:
  a = read_int()
  b = read_int()
  q = (a / b)
  r = (a % 7)
  print_int(q)
  print_int(r)
  return ()
`), { stdin: "-45\n4\n", stdout: "-11\n-3\n" });
  assert.not.match(asm, /qn_div\b|qn_rem\b/);
  assert.is(asm.match(/idivq/g)?.length, 2);
  assert.is(asm.match(/je +qn_division_by_zero/g)?.length, 1, "only the variable divisor is checked for zero");
});

check("shift counts are taken mod 64, >> is arithmetic", `
main.start:
  one = 1
  a = (one << 63)
  print_int(a)
  b = (one << 64)
  print_int(b)
  n = -16
  c = (n >> 2)
  print_int(c)
  k = 65
  d = (n >> k)
  print_int(d)
  e = (3 << 70)
  print_int(e)
  s = -1
  f = (one << s)
  print_int(f)
  return ()
`, { stdout: "-9223372036854775808\n1\n-4\n-8\n192\n-9223372036854775808\n" });

check("comparisons as values", `
main.start:
  a = 3
  b = 5
  c1 = (a < b)
  print_bool(c1)
  c2 = (a <= a)
  print_bool(c2)
  c3 = (a > b)
  print_bool(c3)
  c4 = (b >= a)
  print_bool(c4)
  c5 = (a == b)
  print_bool(c5)
  c6 = (a != b)
  print_bool(c6)
  c7 = (c5 == false)
  print_bool(c7)
  c8 = (1 < 2)
  print_bool(c8)
  m = -9223372036854775808
  c9 = (m < 9223372036854775807)
  print_bool(c9)
  return ()
`, { stdout: "true\ntrue\nfalse\ntrue\nfalse\ntrue\ntrue\ntrue\ntrue\n" });

check("unary and bitwise operators on Int and Bool", `
main.start:
  m = -9223372036854775808
  a = -m
  print_int(a)
  x = 12
  b = -x
  print_int(b)
  c = ~x
  print_int(c)
  t = true
  d = !t
  print_bool(d)
  e = (x & 10)
  print_int(e)
  f = (x | 3)
  print_int(f)
  g = (x ^ 5)
  print_int(g)
  h = (t & d)
  print_bool(h)
  i = (t | d)
  print_bool(i)
  j = (t ^ t)
  print_bool(j)
  return ()
`, { stdout: "-9223372036854775808\n-12\n-13\nfalse\n8\n15\n9\nfalse\ntrue\nfalse\n" });

check("a loop: the sum of 0..10, and a countdown", `
main.start:
  i = 0
  sum = 0
  goto main.test
main.test:
  if i < 10 goto main.body else main.done
main.body:
  sum = (sum + i)
  i = (i + 1)
  goto main.test
main.done:
  print_int(sum)
  n = 3
  goto main.down
main.down:
  print_int(n)
  n = (n - 1)
  if 0 < n goto main.down else main.end
main.end:
  return ()
`, { stdout: "45\n3\n2\n1\n" });

check("branches on every condition, with immediates on either side", `
main.start:
  x = 4
  if x == 4 goto main.b1 else main.fail
main.b1:
  if x != 4 goto main.fail else main.b2
main.b2:
  if 3 < x goto main.b3 else main.fail
main.b3:
  if x <= 3 goto main.fail else main.b4
main.b4:
  if x > 5000000000 goto main.fail else main.b5
main.b5:
  if 5000000000 >= 6000000000 goto main.fail else main.b6
main.b6:
  if 7 >= 7 goto main.ok else main.fail
main.ok:
  print_int(1)
  return ()
main.fail:
  print_int(0)
  return ()
`, { stdout: "1\n" });

check("64-bit immediates", `
main.start:
  x = 5000000000
  y = (x * 3)
  print_int(y)
  z = (y + 5000000000)
  print_int(z)
  w = (5000000000 - z)
  print_int(w)
  c = (5000000000 == x)
  print_bool(c)
  v = (x & 4294967296)
  print_int(v)
  return ()
`, { stdout: "15000000000\n20000000000\n-15000000000\ntrue\n4294967296\n" });

check("read_int", `
main.start:
  a = read_int()
  b = read_int()
  s = (a + b)
  print_int(s)
  return ()
`, { stdin: "40\n-2\n", stdout: "38\n" });

check("read_int panics on bad input", `
main.start:
  print_int(7)
  a = read_int()
  print_int(a)
  return ()
`, { stdin: "forty\n", stdout: "7\n", panic: "bad input" });

check("exit keeps the output and gives the status mod 256", `
main.start:
  print_int(5)
  code = 259
  exit(code)
  print_int(6)
  return ()
`, { stdout: "5\n", status: 3 });

check("panic with a message that needs escaping", `
main.start:
  print_bool(true)
  panic("a \\"quoted\\" \\\\ word, é\\n and a tab\\t")
  return ()
`, { stdout: "true\n", panic: 'a "quoted" \\ word, é\n and a tab\t' });

check("the same message twice is stored once", `
main.start:
  x = read_int()
  if x == 1 goto main.one else main.two
main.one:
  panic("same")
  return ()
main.two:
  panic("same")
  return ()
`, { stdin: "2\n", stdout: "", panic: "same" });

// 3000 variables: a frame of 24000 bytes, addresses far below %rbp.
check("a large frame", `
main.start:
${Array.from({ length: 3000 }, (_, i) => `  v${i} = ${i}`).join("\n")}
  s = 0
${Array.from({ length: 3000 }, (_, i) => `  s = (s + v${i})`).join("\n")}
  print_int(s)
  print_int(v2999)
  return ()
`, { stdout: `${(2999 * 3000) / 2}\n2999\n` });

// ---------------------------------------------------------------- random programs

// Random well-typed Lcfg programs over Int variables v0..v5 (starting at
// interesting constants) and Bool variables b0..b2: each step computes a value
// with any operator, prints one, or branches on a comparison into two blocks
// that print different things and meet again. Under every x86 IL's machine
// model, and as a real binary, each must do what the Lcfg interpreter does.
const interesting = [0n, 1n, -1n, 2n, 3n, -7n, 63n, 64n, 65n, 1n << 31n, -(1n << 31n), (1n << 31n) - 1n, 1n << 32n, INT_MIN, INT_MAX, 0x123456789abcdef0n];
const int = (value: bigint): Cfg.Atom => ({ kind: "Int", value });
const variable = (name: string): Cfg.Atom => ({ kind: "Var", name });
const intAtom = fc.oneof(
  fc.integer({ min: 0, max: 5 }).map((i) => variable(`v${i}`)),
  fc.constantFrom(...interesting).map(int),
  fc.bigInt({ min: INT_MIN, max: INT_MAX }).map(int),
);
const boolAtom = fc.oneof(fc.integer({ min: 0, max: 2 }).map((i) => variable(`b${i}`)), fc.boolean().map((value): Cfg.Atom => ({ kind: "Bool", value })));
const intOps = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"] as const;
const cmpOps = ["==", "!=", "<", "<=", ">", ">="] as const;
const binary = (left: Cfg.Atom, op: Cfg.Binary["op"], right: Cfg.Atom): Cfg.Binary => ({ kind: "Binary", left, op, right });
const assign = (name: string, value: Cfg.CExpr): Cfg.CStmt => ({ kind: "Assign", name, value });
const print = (op: "print_int" | "print_bool", arg: Cfg.Atom): Cfg.CStmt => ({ kind: "Do", expr: { kind: "Prim", op, args: [arg] } });

type Step = { kind: "set"; stmt: Cfg.CStmt } | { kind: "branch"; left: Cfg.Atom; op: (typeof cmpOps)[number]; right: Cfg.Atom };
const intTarget = fc.integer({ min: 0, max: 5 }).map((i) => `v${i}`);
const boolTarget = fc.integer({ min: 0, max: 2 }).map((i) => `b${i}`);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(intTarget, intAtom, fc.constantFrom(...intOps), intAtom).map(([to, l, op, r]): Step => ({ kind: "set", stmt: assign(to, binary(l, op, r)) })),
  fc.tuple(intTarget, fc.constantFrom("-" as const, "~" as const), intAtom).map(([to, op, arg]): Step => ({ kind: "set", stmt: assign(to, { kind: "Unary", op, arg }) })),
  fc.tuple(boolTarget, intAtom, fc.constantFrom(...cmpOps), intAtom).map(([to, l, op, r]): Step => ({ kind: "set", stmt: assign(to, binary(l, op, r)) })),
  fc.tuple(boolTarget, boolAtom, fc.constantFrom("==", "!=", "&", "|", "^") as fc.Arbitrary<Cfg.Binary["op"]>, boolAtom).map(([to, l, op, r]): Step => ({ kind: "set", stmt: assign(to, binary(l, op, r)) })),
  fc.tuple(boolTarget, boolAtom).map(([to, arg]): Step => ({ kind: "set", stmt: assign(to, { kind: "Unary", op: "!", arg }) })),
  intAtom.map((a): Step => ({ kind: "set", stmt: print("print_int", a) })),
  boolAtom.map((a): Step => ({ kind: "set", stmt: print("print_bool", a) })),
  fc.tuple(intAtom, fc.constantFrom(...cmpOps), intAtom).map(([left, op, right]): Step => ({ kind: "branch", left, op, right })),
);
const randomProgram = fc.tuple(fc.array(fc.constantFrom(...interesting), { minLength: 6, maxLength: 6 }), fc.array(step, { minLength: 1, maxLength: 25 })).map(([init, steps]) => {
  const blocks: Cfg.BasicBlock[] = [];
  let label = "main.start";
  let stmts: Cfg.CStmt[] = [...init.map((x, i) => assign(`v${i}`, int(x))), ...[0, 1, 2].map((i) => assign(`b${i}`, { kind: "Bool", value: i === 1 }))];
  steps.forEach((s, k) => {
    if (s.kind === "set") return void stmts.push(s.stmt);
    const [yes, no, join] = [`main.yes${k}`, `main.no${k}`, `main.join${k}`];
    blocks.push({ kind: "BasicBlock", label, stmts, tail: { kind: "Branch", left: s.left, op: s.op, right: s.right, then: yes, else: no } });
    for (const [l, value] of [[yes, 1n], [no, 0n]] as const) blocks.push({ kind: "BasicBlock", label: l, stmts: [print("print_int", int(value))], tail: { kind: "Goto", target: join } });
    [label, stmts] = [join, []];
  });
  const end = [...[0, 1, 2, 3, 4, 5].map((i) => print("print_int", variable(`v${i}`))), ...[0, 1, 2].map((i) => print("print_bool", variable(`b${i}`)))];
  blocks.push({ kind: "BasicBlock", label, stmts: [...stmts, ...end], tail: { kind: "Return", value: { kind: "Unit" } } });
  return { kind: "Program", defs: [{ kind: "Def", name: "main", params: [], refs: [], blocks }] } as Cfg.Program;
});

const expectedOf = (o: Outcome): Expected => ({ stdout: o.stdout, status: o.status, ...(o.panic !== null ? { panic: o.panic } : {}) });

test("random programs: every x86 IL's machine model agrees with the Lcfg interpreter", () => {
  fc.assert(
    fc.property(randomProgram, (program) => void compileAndCheck(program, expectedOf(cfgInterpreters.Lcfg!(program)))),
    { numRuns: 300, seed: 8664 },
  );
});

test("random programs: the binaries agree with the Lcfg interpreter", () => {
  fc.assert(
    fc.property(randomProgram, (program) => {
      const expected = cfgInterpreters.Lcfg!(program);
      const exe = join(dir, `random${binaries++}`);
      assembleAndLink(compileAndCheck(program, expectedOf(expected)), "x86_64", exe);
      const run = runBinary(exe, "x86_64");
      assert.equal(
        { stdout: run.stdout, stderr: run.stderr, status: run.status },
        { stdout: expected.stdout, stderr: expected.panic === null ? "" : `panic: ${expected.panic}\n`, status: expected.status },
      );
    }),
    { numRuns: 25, seed: 8665 },
  );
});

// ---------------------------------------------------------------- what the checks catch

const passNamed = (name: string) => {
  const p = x86_64Passes.find((q) => q.name === name);
  if (!p) throw new Error(`no pass ${name}`);
  return p;
};

test("the same program always gives the same assembly, and strings are deduplicated", () => {
  const source = `
main.start:
  panic("same")
  panic("same")
  return ()
`;
  const once = compileAndCheck(lcfg(source), { stdout: "", panic: "same" });
  assert.is(compileAndCheck(lcfg(source), { stdout: "", panic: "same" }), once);
  assert.is(once.match(/\.ascii/g)?.length, 1);
});

test("asciiLiteral escapes quotes, backslashes and every non-printable byte", () => {
  assert.is(asciiLiteral('a"b\\c\n\u00e9'), '"a\\"b\\\\c\\012\\303\\251"');
});

test("Lx86patched's invariants reject what patch-instructions must fix", () => {
  const upToPatch = x86_64Passes.slice(0, x86_64Passes.findIndex((p) => p.name === "patch-instructions"));
  const slots = upToPatch.reduce<unknown>((program, p) => p.run(program, context), lcfg(`
main.start:
  x = 5000000000
  y = x
  z = (y * x)
  if 3 < z goto main.a else main.a
main.a:
  return ()
`));
  const unpatched = validate(Lx86patched, slots);
  assert.is(unpatched.ok, false, "the unpatched program must break an invariant");
  const patched = validate(Lx86patched, passNamed("patch-instructions").run(slots, context));
  assert.ok(patched.ok, explainValidation(patched));
  // Each invariant on its own: a one-instruction program that breaks it.
  const one = (instr: unknown) => ({ kind: "Program", blocks: [{ kind: "Block", label: "main.start", instrs: [instr] }], data: [] });
  const slot = (index: number) => ({ kind: "Slot", index });
  const bad = [
    { kind: "Movq", src: slot(0), dst: slot(1) },
    { kind: "Addq", src: { kind: "Imm", value: 1n << 40n }, dst: { kind: "Reg", name: "rax" } },
    { kind: "Imulq", src: { kind: "Imm", value: 3n }, dst: slot(0) },
    { kind: "Cmpq", right: slot(0), left: { kind: "Imm", value: 3n } },
    { kind: "Salq", count: { kind: "Reg", name: "rcx" }, dst: slot(0) },
    { kind: "Idivq", src: { kind: "Imm", value: 7n } },
    { kind: "Cmov", cc: "e", src: { kind: "Reg", name: "rcx" }, dst: slot(0) },
    { kind: "Cmov", cc: "ne", src: { kind: "Imm", value: 1n }, dst: { kind: "Reg", name: "rax" } },
  ];
  for (const instr of bad) assert.is(validate(Lx86patched, one(instr)).ok, false, `${instr.kind} should break an invariant`);
  assert.ok(validate(Lx86patched, one({ kind: "Movq", src: { kind: "Imm", value: 1n << 40n }, dst: { kind: "Reg", name: "rax" } })).ok);
  assert.ok(validate(Lx86patched, one({ kind: "Idivq", src: slot(0) })).ok);
  assert.ok(validate(Lx86patched, one({ kind: "Cmov", cc: "e", src: slot(0), dst: { kind: "Reg", name: "rax" } })).ok);
  // ... and patch-instructions fixes each of the new ones.
  const patch = passNamed("patch-instructions");
  for (const instr of bad.slice(-3)) {
    const patched = validate(Lx86patched, patch.run(one(instr), context));
    assert.ok(patched.ok, `${instr.kind}: ${explainValidation(patched)}`);
  }
});

test("Lx86var's invariants: jump targets and byte registers", () => {
  const one = (instr: unknown) => ({ kind: "Program", blocks: [{ kind: "Block", label: "main.start", instrs: [instr] }], data: [] });
  assert.is(validate(Lx86var, one({ kind: "Jmp", target: "main.nowhere" })).ok, false);
  assert.ok(validate(Lx86var, one({ kind: "Jmp", target: "main.start" })).ok);
  // The one jump out of the program: the runtime's panic for a zero divisor.
  assert.ok(validate(Lx86var, one({ kind: "JmpIf", cc: "e", target: "qn_division_by_zero" })).ok);
  assert.ok(validate(Lx86var, one({ kind: "Jmp", target: "qn_division_by_zero" })).ok);
  assert.is(validate(Lx86var, one({ kind: "Jmp", target: "qn_panic" })).ok, false);
  assert.is(validate(Lx86var, one({ kind: "Movq", src: { kind: "Reg", name: "al" }, dst: { kind: "Var", name: "x" } })).ok, false);
  assert.is(validate(Lx86var, one({ kind: "Set", cc: "e", dst: { kind: "Var", name: "x" } })).ok, false);
});

test("the machine model clobbers caller-saved registers at a call, and only those", () => {
  const reg = (name: string) => ({ kind: "Reg", name });
  /** Puts 5 in the register, prints 1, then prints what the register holds (and restores it). */
  const keepAcrossCall = (name: string) => ({
    kind: "Program",
    data: [],
    blocks: [{
      kind: "Block",
      label: "main.start",
      instrs: [
        { kind: "Movq", src: reg(name), dst: { kind: "Var", name: "saved" } },
        { kind: "Movq", src: { kind: "Imm", value: 5n }, dst: reg(name) },
        { kind: "Movq", src: { kind: "Imm", value: 1n }, dst: reg("rdi") },
        { kind: "Callq", target: "qn_print_int", args: [{ kind: "Reg", name: "rdi" }] },
        { kind: "Movq", src: reg(name), dst: reg("rdi") },
        { kind: "Callq", target: "qn_print_int", args: [{ kind: "Reg", name: "rdi" }] },
        { kind: "Movq", src: { kind: "Var", name: "saved" }, dst: reg(name) },
        { kind: "Jmp", target: "main.conclusion" },
      ],
    }],
  });
  for (const name of ["rax", "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11"]) {
    assert.ok(validate(Lx86var, keepAcrossCall(name)).ok);
    const lines = x86Interpreters.Lx86var!(keepAcrossCall(name)).stdout.split("\n");
    assert.is(lines[0], "1");
    assert.is.not(lines[1], "5", `%${name} must not survive the call`);
  }
  // Callee-saved registers survive the call; main must give the caller back their values.
  for (const name of ["rbx", "r12", "r13", "r14", "r15"]) assert.is(x86Interpreters.Lx86var!(keepAcrossCall(name)).stdout, "1\n5\n", `%${name} is callee-saved`);
  // Saving them is the prelude's job: only in Lx86, where it exists, must main have done it.
  const clobbersRbx = keepAcrossCall("rbx");
  clobbersRbx.blocks[0]!.instrs.splice(-2, 1);
  assert.is(x86Interpreters.Lx86var!(clobbersRbx).stdout, "1\n5\n");
  const [rbp, rsp] = [reg("rbp"), reg("rsp")];
  const framed = {
    kind: "Program",
    data: [],
    blocks: [{ kind: "Block", label: "qn_main", instrs: [
      { kind: "Pushq", src: rbp }, { kind: "Movq", src: rsp, dst: rbp }, { kind: "Movq", src: { kind: "Imm", value: 5n }, dst: reg("rbx") },
      { kind: "Movq", src: rbp, dst: rsp }, { kind: "Popq", dst: rbp }, { kind: "Retq" },
    ] }],
  };
  assert.throws(() => x86Interpreters.Lx86!(framed), /restoring %rbx/);
});

test("the machine model traps where idivq traps, and a cmov needs flags", () => {
  const reg = (name: string) => ({ kind: "Reg", name });
  const imm = (value: bigint) => ({ kind: "Imm", value });
  /** Prints the remainder of a / b, computed by idivq (then a cmov, if given). */
  const divide = (a: bigint, b: bigint, ...after: object[]) => ({
    kind: "Program",
    data: [],
    blocks: [{
      kind: "Block",
      label: "main.start",
      instrs: [
        { kind: "Movq", src: imm(a), dst: reg("rax") },
        { kind: "Movq", src: imm(b), dst: reg("rcx") },
        { kind: "Cqto" },
        { kind: "Idivq", src: reg("rcx") },
        ...after,
        { kind: "Movq", src: reg("rdx"), dst: reg("rdi") },
        { kind: "Callq", target: "qn_print_int", args: [{ kind: "Reg", name: "rdi" }] },
        { kind: "Jmp", target: "main.conclusion" },
      ],
    }],
  });
  assert.is(x86Interpreters.Lx86var!(divide(-7n, 2n)).stdout, "-1\n");
  assert.throws(() => x86Interpreters.Lx86var!(divide(INT_MIN, -1n)), /traps/);
  assert.throws(() => x86Interpreters.Lx86var!(divide(1n, 0n)), /traps/);
  const cmovAfterIdivq = divide(7n, 2n, { kind: "Cmov", cc: "e", src: reg("rcx"), dst: reg("rdx") });
  assert.throws(() => x86Interpreters.Lx86var!(cmovAfterIdivq), /flags/);
});

test("the machine model rejects reading a variable that was never written", () => {
  const program = { kind: "Program", data: [], blocks: [{ kind: "Block", label: "main.start", instrs: [{ kind: "Movq", src: { kind: "Var", name: "x" }, dst: { kind: "Reg", name: "rdi" } }] }] };
  assert.throws(() => x86Interpreters.Lx86var!(program), /never written/);
});

test("the machine model checks main's frame: calls 16-byte aligned, %rsp and %rbp restored", () => {
  // A variable in a slot (allocate-registers would give it a register, so start after it, in Lx86homes).
  const slot0 = { kind: "Slot", index: 0 };
  let program: unknown = { kind: "Program", data: [], homes: [], blocks: [{ kind: "Block", label: "main.start", instrs: [
    { kind: "Movq", src: { kind: "Imm", value: 1n }, dst: slot0 },
    { kind: "Movq", src: slot0, dst: { kind: "Reg", name: "rdi" } },
    { kind: "Callq", target: "qn_print_int", args: [{ kind: "Reg", name: "rdi" }] },
    { kind: "Movq", src: { kind: "Imm", value: 0n }, dst: { kind: "Reg", name: "rax" } },
    { kind: "Jmp", target: "main.conclusion" },
  ] }] };
  for (const pass of x86_64Passes.slice(x86_64Passes.findIndex((p) => p.name === "patch-instructions"), -1)) program = pass.run(program, context);
  const good = program as X86.Program;
  assert.is(x86Interpreters.Lx86!(good).stdout, "1\n");
  const prelude = good.blocks[0]!;
  const conclusion = good.blocks[good.blocks.length - 1]!;
  const withBlock = (block: X86.Block, at: number) => ({ ...good, blocks: good.blocks.map((b, i) => (i === at ? block : b)) });
  // One slot needs 8 bytes, but a frame of 8 would leave %rsp misaligned at the call.
  assert.equal(prelude.instrs[2], { kind: "Subq", src: { kind: "Imm", value: 16n }, dst: { kind: "Reg", name: "rsp" } });
  const frameOf8 = withBlock({ ...prelude, instrs: prelude.instrs.map((instr, i) => (i === 2 ? { ...instr, src: { kind: "Imm", value: 8n } } as X86.Instr : instr)) }, 0);
  assert.throws(() => x86Interpreters.Lx86!(frameOf8), /aligned/);
  // A frame of 0 bytes: the slot lies below %rsp, where a call would overwrite it.
  const noFrame = withBlock({ ...prelude, instrs: prelude.instrs.filter((_, i) => i !== 2) }, 0);
  assert.throws(() => x86Interpreters.Lx86!(noFrame), /below %rsp/);
  // Return through `addq $8, %rsp` instead of `popq %rbp`: %rbp is not restored.
  const skipsPop: X86.Instr = { kind: "Addq", src: { kind: "Imm", value: 8n }, dst: { kind: "Reg", name: "rsp" } };
  const noPop = withBlock({ ...conclusion, instrs: conclusion.instrs.map((instr) => (instr.kind === "Popq" ? skipsPop : instr)) }, good.blocks.length - 1);
  assert.throws(() => x86Interpreters.Lx86!(noPop), /restoring %rbp/);
  // Forget the conclusion's `movq %rbp, %rsp`: popq and retq read the frame, not what was pushed.
  const noTeardown = withBlock({ ...conclusion, instrs: conclusion.instrs.slice(1) }, good.blocks.length - 1);
  assert.throws(() => x86Interpreters.Lx86!(noTeardown), /%rsp/);
});

test.run();
