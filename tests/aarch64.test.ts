// The AArch64 back end on hand-written Lcfg programs: every pass's output must
// belong to its IL, every IL's interpreter (the machine model) must give the
// outcome stated next to the program (which the Lcfg interpreter must give
// too), and so must the real binary, run under qemu-aarch64 (or natively).
// Then the IL invariants and the model's strictness are checked on purpose-made
// broken programs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import type * as Cfg from "../ir-defs/generated/Lcfg.js";
import { La64 } from "../ir-defs/aarch64/la64.js";
import { La64homes } from "../ir-defs/aarch64/la64homes.js";
import { La64patched } from "../ir-defs/aarch64/la64patched.js";
import { La64var } from "../ir-defs/aarch64/la64var.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { runtimeArguments } from "../ir-defs/runtime-routines.js";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import { aarch64Passes } from "../passes/aarch64/index.js";
import { asciiLiteral } from "../passes/shared/both-targets.js";
import { explainValidation, validate } from "../il/validate.js";
import { interpreters as machine } from "../interp/aarch64.js";
import { interpreters as cfg } from "../interp/cfg.js";
import { describeOutcome, type Outcome } from "../interp/runtime-model.js";
import { checkedAssembly } from "./checked-steps.js";
import { INT_MAX, INT_MIN } from "../ir-defs/semantics.js";

// ------------------------------------------------------------ building Lcfg

type Atom = Cfg.Atom;
const v = (name: string): Atom => ({ kind: "Var", name });
const n = (value: bigint | number): Atom => ({ kind: "Int", value: BigInt(value) });
const b = (value: boolean): Atom => ({ kind: "Bool", value });
const str = (value: string): Atom => ({ kind: "Str", value });
const bin = (left: Atom, op: Cfg.Binary["op"], right: Atom): Cfg.Binary => ({ kind: "Binary", left, op, right });
const un = (op: Cfg.Unary["op"], arg: Atom): Cfg.Unary => ({ kind: "Unary", op, arg });
const prim = (op: Cfg.Prim["op"], ...args: Atom[]): Cfg.Prim => ({ kind: "Prim", op, args });
const set = (name: string, value: Cfg.CExpr): Cfg.CStmt => ({ kind: "Assign", name, value });
const run = (expr: Cfg.CExpr): Cfg.CStmt => ({ kind: "Do", expr });
const print = (a: Atom): Cfg.CStmt => run(prim("print_int", a));
const printBool = (a: Atom): Cfg.CStmt => run(prim("print_bool", a));
const goto = (target: string): Cfg.Tail => ({ kind: "Goto", target });
const branch = (left: Atom, op: Cfg.Branch["op"], right: Atom, then: string, otherwise: string): Cfg.Tail => ({ kind: "Branch", left, op, right, then, else: otherwise });
const ret: Cfg.Tail = { kind: "Return", value: { kind: "Unit" } };
const block = (label: string, stmts: Cfg.CStmt[], tail: Cfg.Tail): Cfg.BasicBlock => ({ kind: "BasicBlock", label, stmts, tail });
/** A program whose one function, main, is these blocks. */
const mainOf = (blocks: Cfg.BasicBlock[]): Cfg.Program => ({ kind: "Program", defs: [{ kind: "Def", name: "main", params: [], refs: [], blocks }] });
const straight = (...stmts: Cfg.CStmt[]): Cfg.Program => mainOf([block("main.start", stmts, ret)]);

const lines = (...xs: (bigint | number | string | boolean)[]) => xs.map((x) => `${x}\n`).join("");

interface Expected {
  readonly stdout: string;
  readonly status?: number;
  readonly panic?: string;
  readonly stdin?: string;
}

// ------------------------------------------------------------ the check

const dir = mkdtempSync(join(tmpdir(), "qnano-aarch64-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

function compileChecked(program: Cfg.Program, stdin: string, expect: (where: string, o: Outcome) => void): string {
  return checkedAssembly({ program, il: Lcfg, check: true, context: { file: "test.qs", source: "" } }, aarch64Passes, stdin, expect);
}

let counter = 0;
function check(name: string, program: Cfg.Program, e: Expected): void {
  test(name, () => {
    const status = e.status ?? (e.panic !== undefined ? 101 : 0);
    const panic = e.panic ?? null;
    const stdin = e.stdin ?? "";
    const asm = compileChecked(program, stdin, (where, o) => {
      assert.is(o.outOfFuel, false, `${where}: out of fuel`);
      assert.is(o.stdout, e.stdout, `${where}: stdout (${describeOutcome(o)})`);
      assert.is(o.status, status, `${where}: status`);
      assert.is(o.panic, panic, `${where}: panic`);
    });
    assert.is(compileChecked(program, stdin, () => {}), asm, "compiling twice gives the same assembly");
    const exe = join(dir, `p${counter++}`);
    assembleAndLink(asm, "aarch64", exe);
    const result = runBinary(exe, "aarch64", { stdin });
    assert.is(result.timedOut, false, "binary timed out");
    assert.is(result.stdout, e.stdout, "binary stdout");
    assert.is(result.stderr, panic === null ? "" : `panic: ${panic}\n`, "binary stderr");
    assert.is(result.status, status, "binary status");
  });
}

// ------------------------------------------------------------ programs

let temp = 0;
/** print_int(e) through a fresh variable (print takes an atom). */
const show = (e: Cfg.CExpr): Cfg.CStmt[] => {
  const t = `t.${temp++}`;
  return [set(t, e), print(v(t))];
};
const showBool = (e: Cfg.CExpr): Cfg.CStmt[] => {
  const t = `t.${temp++}`;
  return [set(t, e), printBool(v(t))];
};

check(
  "arithmetic wraps; constants of every width",
  straight(
    set("a", n(40)),
    ...show(bin(v("a"), "+", n(2))),
    ...show(bin(n(5), "-", v("a"))),
    ...show(bin(v("a"), "*", n(-3))),
    ...show(bin(n(INT_MAX), "+", n(1))),
    ...show(bin(n(INT_MIN), "-", n(1))),
    ...show(bin(n(INT_MIN), "*", n(-1))),
    ...show(bin(v("a"), "+", n(4095))),
    ...show(bin(v("a"), "+", n(4096))),
    ...show(bin(v("a"), "-", n(-1))),
    set("c", n(0x123456789abcdef0n)),
    print(v("c")),
    print(n(65535)),
    print(n(65536)),
    print(n(-1)),
    print(n(-65536)),
    print(n(INT_MIN)),
    print(n(INT_MAX)),
    ...show(bin(v("c"), "&", n(0xff00))),
    ...show(bin(v("c"), "|", n(1))),
    ...show(bin(v("c"), "^", v("c"))),
  ),
  {
    stdout: lines(42, -35, -120, INT_MIN, INT_MAX, INT_MIN, 4135, 4136, 41, 0x123456789abcdef0n, 65535, 65536, -1, -65536, INT_MIN, INT_MAX, 0xde00, 0x123456789abcdef1n, 0),
  },
);

check(
  "division and remainder truncate, MIN / -1 is MIN, MIN % -1 is 0",
  straight(
    ...show(bin(n(7), "/", n(2))),
    ...show(bin(n(-7), "/", n(2))),
    ...show(bin(n(7), "/", n(-2))),
    ...show(bin(n(-7), "/", n(-2))),
    ...show(bin(n(7), "%", n(2))),
    ...show(bin(n(-7), "%", n(2))),
    ...show(bin(n(7), "%", n(-2))),
    ...show(bin(n(-7), "%", n(-2))),
    set("min", n(INT_MIN)),
    set("m1", n(-1)),
    ...show(bin(v("min"), "/", v("m1"))),
    ...show(bin(v("min"), "%", v("m1"))),
  ),
  { stdout: lines(3, -3, -3, 3, 1, -1, 1, -1, INT_MIN, 0) },
);

check(
  "division by constants needs no check; by the constant 0 it panics",
  straight(
    set("a", n(-17)),
    ...show(bin(v("a"), "/", n(1))),
    ...show(bin(n(INT_MIN), "/", n(-1))),
    ...show(bin(n(INT_MIN), "%", n(-1))),
    ...show(bin(v("a"), "/", n(7))),
    ...show(bin(v("a"), "%", n(-7))),
    ...show(bin(n(INT_MIN), "/", n(5000000000n))),
    ...show(bin(n(INT_MIN + 1n), "%", n(5000000000n))),
    run(bin(v("a"), "/", n(7))),
    ...show(bin(v("a"), "%", n(0))),
  ),
  { stdout: lines(-17, INT_MIN, 0, -2, -3, -1844674407, -1854775807), panic: "division by zero" },
);

test("division and remainder need no call into the runtime", () => {
  const program = straight(set("a", prim("read_int")), set("b", prim("read_int")), ...show(bin(v("a"), "/", v("b"))), ...show(bin(v("a"), "%", n(7))));
  const asm = compileChecked(program, "-45\n4\n", (where, o) => assert.is(o.stdout, lines(-11, -3), where));
  assert.not.match(asm, /qn_div\b|qn_rem\b/);
  assert.is(asm.match(/sdiv/g)?.length, 2);
  assert.is(asm.match(/cbz +x\d+, qn_division_by_zero/g)?.length, 1, "only the variable divisor is checked for zero");
});

check("division by zero panics after the output so far", straight(print(n(1)), set("z", n(0)), ...show(bin(n(5), "/", v("z"))), print(n(2))), {
  stdout: lines(1),
  panic: "division by zero",
});

check("a remainder computed only for its effect still panics on zero", straight(print(n(1)), run(bin(n(5), "%", n(0))), print(n(2))), {
  stdout: lines(1),
  panic: "division by zero",
});

check(
  "shift counts are taken mod 64, >> is arithmetic",
  straight(
    set("one", n(1)),
    set("c70", n(70)),
    ...show(bin(v("one"), "<<", n(63))),
    ...show(bin(v("one"), "<<", n(64))),
    ...show(bin(v("one"), "<<", n(65))),
    ...show(bin(v("one"), "<<", n(-1))),
    ...show(bin(v("one"), "<<", v("c70"))),
    ...show(bin(n(-8), ">>", n(1))),
    ...show(bin(n(-1), ">>", n(63))),
    ...show(bin(n(INT_MIN), ">>", v("c70"))),
    ...show(bin(n(1024), ">>", n(3))),
  ),
  { stdout: lines(INT_MIN, 1, 2, INT_MIN, 64, -4, -1, INT_MIN >> 6n, 128) },
);

check(
  "comparisons as values, signed; Bool equality; unary operators",
  straight(
    set("a", n(-5)),
    set("b", n(3)),
    ...showBool(bin(v("a"), "<", v("b"))),
    ...showBool(bin(v("a"), "<=", v("a"))),
    ...showBool(bin(v("a"), ">", v("b"))),
    ...showBool(bin(v("b"), ">=", v("a"))),
    ...showBool(bin(v("a"), "==", n(-5))),
    ...showBool(bin(v("a"), "!=", n(-5))),
    ...showBool(bin(n(INT_MIN), "<", n(INT_MAX))),
    ...showBool(bin(v("b"), "<", v("b"))),
    ...showBool(bin(v("b"), ">", v("b"))),
    ...showBool(bin(v("b"), ">=", v("b"))),
    set("t", b(true)),
    ...showBool(bin(v("t"), "==", b(false))),
    ...showBool(bin(v("t"), "^", b(true))),
    ...showBool(un("!", v("t"))),
    ...showBool(un("!", b(false))),
    ...show(un("-", v("a"))),
    ...show(un("-", n(INT_MIN))),
    ...show(un("~", v("b"))),
  ),
  { stdout: lines(true, true, false, true, true, false, true, false, false, true, false, false, false, true, 5, INT_MIN, -4) },
);

// for i in 0..10 { if i % 3 == 0 { sum += i } }; print(sum)
check(
  "branches and a loop",
  mainOf([
      block("main.start", [set("i", n(0)), set("sum", n(0))], goto("main.loop")),
      block("main.loop", [], branch(v("i"), "<", n(10), "main.body", "main.done")),
      block("main.body", [set("r", bin(v("i"), "%", n(3)))], branch(v("r"), "==", n(0), "main.add", "main.next")),
      block("main.add", [set("sum", bin(v("sum"), "+", v("i")))], goto("main.next")),
      block("main.next", [set("i", bin(v("i"), "+", n(1)))], goto("main.loop")),
      block("main.done", [print(v("sum")), set("big", bin(v("sum"), ">", n(10)))], branch(v("big"), "!=", b(false), "main.yes", "main.no")),
      block("main.yes", [printBool(b(true))], ret),
      block("main.no", [printBool(b(false))], ret),
  ]),
  { stdout: lines(18, true) },
);

check("read_int and print_bool", straight(set("x", prim("read_int")), set("y", prim("read_int")), ...show(bin(v("x"), "*", v("y"))), ...showBool(bin(v("x"), "<", v("y")))), {
  stdin: "6\n-7\n",
  stdout: lines(-42, false),
});

check("read_int on bad input panics", straight(set("x", prim("read_int")), print(v("x")), set("y", prim("read_int")), print(v("y"))), {
  stdin: "12\nzwölf\n",
  stdout: lines(12),
  panic: "bad input",
});

check("read_int at the end of input panics", straight(set("x", prim("read_int")), print(v("x"))), { stdout: "", panic: "bad input" });

check("exit ends the program with its code (mod 256), after flushing output", straight(print(n(1)), run(prim("exit", n(256 + 7))), print(n(2))), {
  stdout: lines(1),
  status: 7,
});

check("exit with a negative code", straight(set("u", prim("exit", n(-1)))), { stdout: "", status: 255 });

check("panic with a message that needs escaping", straight(print(n(3)), run(prim("panic", str('boom "ü" \\ \t end'))), print(n(4))), {
  stdout: lines(3),
  panic: 'boom "ü" \\ \t end',
});

const twice: Cfg.Program = mainOf([
    block("main.start", [set("u", prim("print_int", n(1))), set("k", prim("read_int"))], branch(v("k"), "==", n(1), "main.a", "main.b")),
    block("main.a", [run(prim("panic", str("same")))], ret),
    block("main.b", [run(prim("panic", str("same")))], ret),
]);
check("a message used twice (panic in two blocks), first branch", twice, { stdin: "1\n", stdout: lines(1), panic: "same" });
check("a message used twice (panic in two blocks), second branch", twice, { stdin: "2\n", stdout: lines(1), panic: "same" });
test("a message used twice is stored once", () => {
  const asm = aarch64Passes.reduce<unknown>((p, pass) => pass.run(p, { file: "", source: "" }), twice) as string;
  assert.is(asm.match(/\.ascii "same"/g)?.length, 1);
});

// Slots beyond [sp, #32760] and a frame larger than 4095 bytes. Only spilled
// variables get slots, and 5000 of them would take 5000 variables live at once
// (an interference graph of 12.5 million edges), so this program starts after
// allocate-registers, in La64homes.
test("a frame too large for immediate offsets", () => {
  const [far, near, sum] = [{ kind: "Slot", index: 5000 }, { kind: "Slot", index: 1 }, { kind: "Slot", index: 4999 }];
  const x0 = { kind: "Reg", name: "x0" };
  const homes = {
    kind: "Program",
    blocks: [{ kind: "Block", label: "main.start", instrs: [
      { kind: "Mov", dst: far, src: { kind: "Imm", value: 7n } },
      { kind: "Mov", dst: near, src: { kind: "Imm", value: 8n } },
      { kind: "Add", dst: sum, left: far, right: near },
      { kind: "Mov", dst: x0, src: sum },
      { kind: "Bl", target: "qn_print_int", args: [x0] },
      { kind: "Mov", dst: x0, src: { kind: "Imm", value: 0n } },
      { kind: "B", target: "main.conclusion" },
    ] }],
    data: [],
    homes: [],
  };
  const fromPatch = aarch64Passes.slice(aarch64Passes.findIndex((p) => p.name === "patch-instructions"));
  const asm = checkedAssembly({ program: homes, il: La64homes, check: false }, fromPatch, "", (where, o) => assert.is(o.stdout, "15\n", where));
  assert.match(asm, /sub\s+sp, sp, x16/);
  const exe = join(dir, "far-slots");
  assembleAndLink(asm, "aarch64", exe);
  assert.is(runBinary(exe, "aarch64", {}).stdout, "15\n");
});

// ------------------------------------------------------------ random programs

// Random well-typed Lcfg programs: Int variables v0..v5 start at interesting
// constants; each step computes a new value (any operator), prints it, or
// branches on a comparison into two blocks that print different things and meet
// again. Every pass's output, under its machine model, must give what the Lcfg
// interpreter gives; a few are also assembled and run.
const interesting = [0n, 1n, -1n, 2n, 3n, -7n, 63n, 64n, 65n, 4095n, 4096n, 65535n, 65536n, -65536n, INT_MIN, INT_MAX, 0x123456789abcdef0n];
const intOps = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"] as const;
const cmpOps = ["==", "!=", "<", "<=", ">", ">="] as const;
const varIndex = fc.integer({ min: 0, max: 5 });
const operand = fc.oneof(
  varIndex.map((i) => v(`v${i}`)),
  fc.constantFrom(...interesting).map(n),
  fc.bigInt({ min: INT_MIN, max: INT_MAX }).map(n),
);
type Step =
  | { kind: "set"; to: number; expr: Cfg.CExpr }
  | { kind: "print"; what: Atom }
  | { kind: "compare"; op: (typeof cmpOps)[number]; left: Atom; right: Atom };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), to: varIndex, expr: fc.tuple(operand, fc.constantFrom(...intOps), operand).map(([l, op, r]) => bin(l, op, r)) }),
  fc.record({ kind: fc.constant("set" as const), to: varIndex, expr: fc.tuple(fc.constantFrom("-" as const, "~" as const), operand).map(([op, a]) => un(op, a)) }),
  fc.record({ kind: fc.constant("print" as const), what: varIndex.map((i) => v(`v${i}`)) }),
  fc.record({ kind: fc.constant("compare" as const), op: fc.constantFrom(...cmpOps), left: operand, right: operand }),
);
const randomProgram = fc.tuple(fc.array(fc.constantFrom(...interesting), { minLength: 6, maxLength: 6 }), fc.array(step, { minLength: 1, maxLength: 25 })).map(([init, steps]) => {
  const blocks: Cfg.BasicBlock[] = [];
  let label = "main.start";
  let stmts: Cfg.CStmt[] = init.map((x, i) => set(`v${i}`, n(x)));
  steps.forEach((s, k) => {
    if (s.kind === "set") stmts.push(set(`v${s.to}`, s.expr));
    else if (s.kind === "print") stmts.push(print(s.what));
    else {
      const [yes, no, join] = [`main.yes${k}`, `main.no${k}`, `main.join${k}`];
      stmts.push(set(`c${k}`, bin(s.left, s.op, s.right)), printBool(v(`c${k}`)));
      blocks.push(block(label, stmts, branch(s.left, s.op, s.right, yes, no)));
      blocks.push(block(yes, [print(n(1))], goto(join)), block(no, [print(n(0))], goto(join)));
      [label, stmts] = [join, []];
    }
  });
  blocks.push(block(label, [...stmts, ...Array.from({ length: 6 }, (_, i) => print(v(`v${i}`)))], ret));
  return mainOf(blocks);
});

test("random programs: every AArch64 IL's model agrees with the Lcfg interpreter", () => {
  fc.assert(
    fc.property(randomProgram, (program) => {
      const expected = cfg.Lcfg!(program);
      // What the world sees; the models count objects (none here), the Lcfg interpreter does not.
      compileChecked(program, "", (where, o) => assert.equal({ ...o, live: null }, { ...expected, live: null }, where));
    }),
    { numRuns: 300, seed: 4242 },
  );
});

test("random programs: the binaries agree with the Lcfg interpreter", () => {
  fc.assert(
    fc.property(randomProgram, (program) => {
      const expected = cfg.Lcfg!(program);
      const exe = join(dir, `r${counter++}`);
      assembleAndLink(compileChecked(program, "", () => {}), "aarch64", exe);
      const result = runBinary(exe, "aarch64");
      assert.equal(
        { stdout: result.stdout, status: result.status, stderr: result.stderr },
        { stdout: expected.stdout, status: expected.status, stderr: expected.panic === null ? "" : `panic: ${expected.panic}\n` },
      );
    }),
    { numRuns: 15, seed: 4243 },
  );
});

// ------------------------------------------------------------ the ILs say no

const instrs = (...list: unknown[]) => ({ kind: "Program", blocks: [{ kind: "Block", label: "main.start", instrs: list }], data: [] });
/** The same in La64, where main's code starts at its symbol, qn_main. */
const framedInstrs = (...list: unknown[]) => ({ kind: "Program", blocks: [{ kind: "Block", label: "qn_main", instrs: list }], data: [] });
const R = (name: string) => ({ kind: "Reg", name });
const I = (value: bigint) => ({ kind: "Imm", value });
const S = (index: number) => ({ kind: "Slot", index });

test("La64patched rejects what AArch64 cannot encode", () => {
  const ok = instrs({ kind: "Add", dst: R("x9"), left: R("x9"), right: I(4095n) }, { kind: "Str", src: R("x9"), dst: S(0) });
  assert.ok(validate(La64patched, ok).ok, explainValidation(validate(La64patched, ok)));
  const bad = [
    instrs({ kind: "Add", dst: R("x9"), left: R("x9"), right: I(4096n) }),
    instrs({ kind: "Add", dst: S(0), left: R("x9"), right: R("x10") }),
    instrs({ kind: "Mul", dst: R("x9"), left: R("x9"), right: I(2n) }),
    instrs({ kind: "Mov", dst: R("x9"), src: I(65536n) }),
    instrs({ kind: "Mov", dst: R("x9"), src: S(1) }),
    instrs({ kind: "Cmp", left: I(1n), right: R("x9") }),
    instrs({ kind: "Lsl", dst: R("x9"), left: R("x9"), right: I(64n) }),
    instrs({ kind: "Ldr", dst: S(0), src: S(1) }),
    instrs({ kind: "Movz", dst: R("x9"), value: 70000, shift: 0 }),
    instrs({ kind: "Movk", dst: R("x9"), value: 1, shift: 8 }),
    instrs({ kind: "Sdiv", dst: R("x9"), left: R("x9"), right: I(7n) }),
    instrs({ kind: "Msub", dst: R("x9"), left: R("x9"), right: R("x10"), from: S(0) }),
    instrs({ kind: "Cbz", src: S(0), target: "qn_division_by_zero" }),
  ];
  for (const p of bad) assert.is(validate(La64patched, p).ok, false, JSON.stringify(p, (_, x) => (typeof x === "bigint" ? `${x}` : x)));
});

test("La64 accepts only in-range frame addresses; La64var only known labels", () => {
  const mem = (offset: bigint) => ({ kind: "Mem", base: "sp", offset });
  assert.ok(validate(La64, instrs({ kind: "Ldr", dst: R("x9"), src: mem(32760n) })).ok);
  assert.is(validate(La64, instrs({ kind: "Ldr", dst: R("x9"), src: mem(32768n) })).ok, false);
  assert.is(validate(La64, instrs({ kind: "Ldr", dst: R("x9"), src: mem(4n) })).ok, false);
  assert.is(validate(La64, instrs({ kind: "Add", dst: R("x9"), left: mem(0n), right: R("x9") })).ok, false);
  assert.ok(validate(La64var, instrs({ kind: "B", target: "main.conclusion" })).ok);
  assert.is(validate(La64var, instrs({ kind: "B", target: "main.nowhere" })).ok, false);
  // The one branch out of the program: the runtime's panic for a zero divisor.
  assert.ok(validate(La64var, instrs({ kind: "Cbz", src: R("x1"), target: "qn_division_by_zero" })).ok);
  assert.ok(validate(La64var, instrs({ kind: "B", target: "qn_division_by_zero" })).ok);
  assert.is(validate(La64var, instrs({ kind: "Cbz", src: R("x1"), target: "qn_panic" })).ok, false);
  assert.is(validate(La64var, instrs({ kind: "Adrp", dst: R("x0"), symbol: ".Lstr0" })).ok, false);
});

// ------------------------------------------------------------ the model is strict

/** A call of a routine of the runtime, listing the argument registers it reads. */
const bl = (target: string) => ({ kind: "Bl", target, args: ["x0", "x1"].slice(0, runtimeArguments[target]).map(R) });
const returns = { kind: "B", target: "main.conclusion" };

test("the model clobbers caller-saved registers at a call, as the machine does", () => {
  const keepsX1 = instrs(
    { kind: "Mov", dst: R("x1"), src: I(5n) },
    { kind: "Mov", dst: R("x0"), src: I(1n) },
    bl("qn_print_int"),
    { kind: "Mov", dst: R("x0"), src: R("x1") },
    bl("qn_print_int"),
    returns,
  );
  const o = machine.La64var!(keepsX1);
  assert.is(o.stdout.split("\n")[0], "1");
  assert.is.not(o.stdout, lines(1, 5), "x1 survived a call");
  const saved = { kind: "Var", name: "saved" };
  const keepsX19 = [{ kind: "Mov", dst: saved, src: R("x19") }, { kind: "Mov", dst: R("x19"), src: I(5n) }, bl("qn_print_int"), { kind: "Mov", dst: R("x0"), src: R("x19") }, bl("qn_print_int")];
  assert.is(machine.La64var!(instrs(...keepsX19, { kind: "Mov", dst: R("x19"), src: saved }, returns)).stdout.split("\n")[1], "5", "x19 is callee-saved");
  // Before the prelude exists, saving x19 is the prelude's job; in La64 main must have done it.
  assert.is(machine.La64var!(instrs(...keepsX19, returns)).stdout.split("\n")[1], "5");
  const clobbers = [{ kind: "Stp", first: R("x29"), second: R("x30") }, { kind: "Mov", dst: R("x29"), src: R("sp") }, { kind: "Mov", dst: R("x19"), src: I(5n) }];
  const conclusion = [{ kind: "Mov", dst: R("sp"), src: R("x29") }, { kind: "Ldp", first: R("x29"), second: R("x30") }, { kind: "Ret" }];
  assert.throws(() => machine.La64!(framedInstrs(...clobbers, ...conclusion)), /without restoring x19/);
});

test("the model rejects a misaligned call, memory below sp and an unbalanced frame", () => {
  const misaligned = framedInstrs({ kind: "Sub", dst: R("sp"), left: R("sp"), right: I(8n) }, bl("qn_read_int"));
  assert.throws(() => machine.La64!(misaligned, { stdin: "1\n" }), /aligned/);
  const below = instrs({ kind: "Str", src: R("x0"), dst: { kind: "Mem", base: "sp", offset: 0n } }, { kind: "Ldr", dst: R("x0"), src: { kind: "Mem", base: "x29", offset: 0n } });
  assert.throws(() => machine.La64!({ ...below, blocks: [{ kind: "Block", label: "qn_main", instrs: [{ kind: "Mov", dst: R("x29"), src: I(0n) }, ...below.blocks[0]!.instrs] }] }), /below sp/);
  const unbalanced = framedInstrs({ kind: "Stp", first: R("x29"), second: R("x30") }, { kind: "Ret" });
  assert.throws(() => machine.La64!(unbalanced), /main returns with sp/);
  assert.throws(() => machine.La64var!(instrs({ kind: "Mov", dst: R("x0"), src: { kind: "Var", name: "never" } })), /never written/);
});

test("the model divides as sdiv does: MIN / -1 is MIN, x / 0 is 0 (no trap)", () => {
  const divide = (a: bigint, b: bigint) =>
    machine.La64var!(
      instrs(
        { kind: "Mov", dst: v("a"), src: I(a) },
        { kind: "Mov", dst: v("b"), src: I(b) },
        { kind: "Sdiv", dst: v("q"), left: v("a"), right: v("b") },
        { kind: "Msub", dst: R("x0"), left: v("q"), right: v("b"), from: v("a") },
        bl("qn_print_int"),
        { kind: "Mov", dst: R("x0"), src: v("q") },
        bl("qn_print_int"),
        returns,
      ),
    ).stdout;
  assert.is(divide(-7n, 2n), lines(-1, -3));
  assert.is(divide(INT_MIN, -1n), lines(0, INT_MIN));
  assert.is(divide(5n, 0n), lines(5, 0));
});

test("string data is escaped for the assembler", () => {
  assert.is(asciiLiteral('a"b\\c'), '"a\\"b\\\\c"');
  assert.is(asciiLiteral("\n\u00e9\u0000"), '"\\012\\303\\251\\000"');
});

test.run();
