// What the back ends' own checks catch, on both targets: the invariants of
// their ILs reject what a pass must fix (and the pass does fix it), and the
// machine models refuse what the machine would not do (a clobbered register
// read after a call, a misaligned call, an idivq that traps, memory below the
// stack pointer, a use after free); string data is escaped for the assembler.
// Each is a purpose-made program of a few instructions. The programs that run
// through the back ends, checked step by step and as binaries, are the files
// of tests/backend/ (tests/backend.test.ts).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type * as Cfg from "../ir-defs/generated/Lcfg.js";
import type * as X86 from "../ir-defs/generated/Lx86.js";
import { La64 } from "../ir-defs/aarch64/la64.js";
import { La64patched } from "../ir-defs/aarch64/la64patched.js";
import { La64var } from "../ir-defs/aarch64/la64var.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { runtimeArguments } from "../ir-defs/runtime-routines.js";
import { INT_MIN } from "../ir-defs/semantics.js";
import { targets } from "../ir-defs/targets.js";
import { Lx86patched } from "../ir-defs/x86_64/lx86patched.js";
import { Lx86var } from "../ir-defs/x86_64/lx86var.js";
import { readProgram } from "../il/read.js";
import { explainValidation, validate } from "../il/validate.js";
import { interpreters as machine } from "../interp/aarch64.js";
import { interpreterFor } from "../interp/index.js";
import { interpreters as x86Interpreters } from "../interp/x86_64.js";
import { assemblyOf, compile } from "../driver/driver.js";
import { asciiLiteral } from "../passes/shared/both-targets.js";
import { backEnds } from "../passes/pipeline.js";
import { x86_64Passes } from "../passes/x86_64/index.js";

const context = { file: "test.qs", source: "" };
/** A program of one function, main: its blocks in Lcfg's printed syntax (il/read.ts). */
const lcfg = (text: string) => readProgram(Lcfg, `fn main()${text}`) as Cfg.Program;
const lalloc = (text: string) => readProgram(Lalloc, `fn main()${text}`);
const v = (name: string) => ({ kind: "Var", name });
/** A program of these instructions in one block, main's first, at the label it has before the prelude exists (or at `label`). */
const instrs = (list: unknown[], data: unknown[] = [], label = "main.start") => ({ kind: "Program", blocks: [{ kind: "Block", label, instrs: list }], data });
/** A program of one instruction. */
const one = (instr: unknown, data: unknown[] = []) => instrs([instr], data);
const lines = (...xs: (bigint | number | string | boolean)[]) => xs.map((x) => `${x}\n`).join("");

const both = suite("both targets: string data");

both("asciiLiteral escapes quotes, backslashes and every non-printable byte", () => {
  assert.is(asciiLiteral('a"b\\c\n\u00e9'), '"a\\"b\\\\c\\012\\303\\251"');
  assert.is(asciiLiteral('a"b\\c'), '"a\\"b\\\\c"');
  assert.is(asciiLiteral("\n\u00e9\u0000"), '"\\012\\303\\251\\000"');
});

both("functions start at 16 bytes, and so do loop headers, where the jumps back land", () => {
  const source = ["fn twice(n: Int) -> Int { n * 2 }", "fn main() {", "    let mut i = 0", "    while i < 10 { i = twice(i) + 1 }", "    print(i)", "}", ""].join("\n");
  for (const target of targets) {
    const asm = assemblyOf(compile(source, "loop.qs", { target })).split("\n");
    const before = (label: string) => asm[asm.indexOf(`${label}:`) - 1]!.trim();
    assert.is(before("fn.twice"), ".p2align 4", target);
    assert.is(before("qn_main"), ".p2align 4", target);
    const jumps = asm.flatMap((line) => /^\s+(jmp|jl|jge|b|b\.lt|b\.ge)\s+(main\.block\d+)/.exec(line)?.[2] ?? []);
    const backTo = jumps.filter((label) => asm.indexOf(`${label}:`) < asm.findIndex((line) => line.trim().endsWith(label) && /^\s+[jb]/.test(line)));
    assert.ok(backTo.length > 0, `${target}: the loop jumps back`);
    for (const label of backTo) assert.is(before(label), ".p2align 4,,10", `${target}: ${label}`);
    const aligned = asm.filter((line) => line.includes(".p2align")).length;
    assert.is(aligned, 2 + new Set(backTo).size, `${target}: only functions and loop headers are aligned`);
  }
});

both.run();

// ---------------------------------------------------------------- x86_64

const x86 = suite("x86_64: what the invariants and the machine model catch");

const passNamed = (name: string) => {
  const p = x86_64Passes.find((q) => q.name === name);
  if (!p) throw new Error(`no pass ${name}`);
  return p;
};
x86("Lx86patched's invariants reject what patch-instructions must fix", () => {
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
    { kind: "LeaScaled", base: slot(0), index: slot(0), scale: 2n, dst: slot(1) },
    { kind: "LeaScaled", base: { kind: "Reg", name: "rcx" }, index: slot(2), scale: 8n, dst: { kind: "Reg", name: "rax" } },
  ];
  for (const instr of bad) assert.is(validate(Lx86patched, one(instr)).ok, false, `${instr.kind} should break an invariant`);
  assert.ok(validate(Lx86patched, one({ kind: "Movq", src: { kind: "Imm", value: 1n << 40n }, dst: { kind: "Reg", name: "rax" } })).ok);
  assert.ok(validate(Lx86patched, one({ kind: "Idivq", src: slot(0) })).ok);
  assert.ok(validate(Lx86patched, one({ kind: "Cmov", cc: "e", src: slot(0), dst: { kind: "Reg", name: "rax" } })).ok);
  // ... and patch-instructions fixes each of the new ones.
  const patch = passNamed("patch-instructions");
  for (const instr of bad.slice(-5)) {
    const patched = validate(Lx86patched, patch.run(one(instr), context));
    assert.ok(patched.ok, `${instr.kind}: ${explainValidation(patched)}`);
  }
});

x86("Lx86var's invariants: jump targets and byte registers", () => {
  assert.is(validate(Lx86var, one({ kind: "Jmp", target: "main.nowhere" })).ok, false);
  assert.ok(validate(Lx86var, one({ kind: "Jmp", target: "main.start" })).ok);
  // The one jump out of the program: the runtime's panic for a zero divisor.
  assert.ok(validate(Lx86var, one({ kind: "JmpIf", cc: "e", target: "qn_division_by_zero" })).ok);
  assert.ok(validate(Lx86var, one({ kind: "Jmp", target: "qn_division_by_zero" })).ok);
  assert.is(validate(Lx86var, one({ kind: "Jmp", target: "qn_panic" })).ok, false);
  assert.is(validate(Lx86var, one({ kind: "Movq", src: { kind: "Reg", name: "al" }, dst: { kind: "Var", name: "x" } })).ok, false);
  assert.is(validate(Lx86var, one({ kind: "Set", cc: "e", dst: { kind: "Var", name: "x" } })).ok, false);
});

x86("the machine model clobbers caller-saved registers at a call, and only those", () => {
  const reg = (name: string) => ({ kind: "Reg", name });
  /** Puts 5 in the register, prints 1, then prints what the register holds (and restores it). */
  const keepAcrossCall = (name: string) => instrs([
    { kind: "Movq", src: reg(name), dst: { kind: "Var", name: "saved" } },
    { kind: "Movq", src: { kind: "Imm", value: 5n }, dst: reg(name) },
    { kind: "Movq", src: { kind: "Imm", value: 1n }, dst: reg("rdi") },
    { kind: "Callq", target: "qn_print_int", args: [{ kind: "Reg", name: "rdi" }] },
    { kind: "Movq", src: reg(name), dst: reg("rdi") },
    { kind: "Callq", target: "qn_print_int", args: [{ kind: "Reg", name: "rdi" }] },
    { kind: "Movq", src: { kind: "Var", name: "saved" }, dst: reg(name) },
    { kind: "Jmp", target: "main.conclusion" },
  ]);
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
  const framed = instrs([
    { kind: "Pushq", src: rbp }, { kind: "Movq", src: rsp, dst: rbp }, { kind: "Movq", src: { kind: "Imm", value: 5n }, dst: reg("rbx") },
    { kind: "Movq", src: rbp, dst: rsp }, { kind: "Popq", dst: rbp }, { kind: "Retq" },
  ], [], "qn_main");
  assert.throws(() => x86Interpreters.Lx86!(framed), /restoring %rbx/);
});

x86("the machine model traps where idivq traps, and a cmov needs flags", () => {
  const reg = (name: string) => ({ kind: "Reg", name });
  const imm = (value: bigint) => ({ kind: "Imm", value });
  /** Prints the remainder of a / b, computed by idivq (then a cmov, if given). */
  const divide = (a: bigint, b: bigint, ...after: object[]) => instrs([
    { kind: "Movq", src: imm(a), dst: reg("rax") },
    { kind: "Movq", src: imm(b), dst: reg("rcx") },
    { kind: "Cqto" },
    { kind: "Idivq", src: reg("rcx") },
    ...after,
    { kind: "Movq", src: reg("rdx"), dst: reg("rdi") },
    { kind: "Callq", target: "qn_print_int", args: [{ kind: "Reg", name: "rdi" }] },
    { kind: "Jmp", target: "main.conclusion" },
  ]);
  assert.is(x86Interpreters.Lx86var!(divide(-7n, 2n)).stdout, "-1\n");
  assert.throws(() => x86Interpreters.Lx86var!(divide(INT_MIN, -1n)), /traps/);
  assert.throws(() => x86Interpreters.Lx86var!(divide(1n, 0n)), /traps/);
  const cmovAfterIdivq = divide(7n, 2n, { kind: "Cmov", cc: "e", src: reg("rcx"), dst: reg("rdx") });
  assert.throws(() => x86Interpreters.Lx86var!(cmovAfterIdivq), /flags/);
});

x86("the machine model rejects reading a variable that was never written", () => {
  const program = one({ kind: "Movq", src: { kind: "Var", name: "x" }, dst: { kind: "Reg", name: "rdi" } });
  assert.throws(() => x86Interpreters.Lx86var!(program), /never written/);
});

x86("the machine model checks main's frame: calls 16-byte aligned, %rsp and %rbp restored", () => {
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

x86.run();

// ---------------------------------------------------------------- aarch64

const a64 = suite("aarch64: what the invariants and the machine model catch");

// ------------------------------------------------------------ the ILs say no

/** A program of these instructions (in main's first block). */
const code = (...list: unknown[]) => instrs(list);
/** The same in La64, where main's code starts at its symbol, qn_main. */
const framedInstrs = (...list: unknown[]) => instrs(list, [], "qn_main");
const R = (name: string) => ({ kind: "Reg", name });
const I = (value: bigint) => ({ kind: "Imm", value });
const S = (index: number) => ({ kind: "Slot", index });

a64("La64patched rejects what AArch64 cannot encode", () => {
  const ok = code({ kind: "Add", dst: R("x9"), left: R("x9"), right: I(4095n) }, { kind: "Str", src: R("x9"), dst: S(0) });
  assert.ok(validate(La64patched, ok).ok, explainValidation(validate(La64patched, ok)));
  const bad = [
    code({ kind: "Add", dst: R("x9"), left: R("x9"), right: I(4096n) }),
    code({ kind: "Add", dst: S(0), left: R("x9"), right: R("x10") }),
    code({ kind: "Mul", dst: R("x9"), left: R("x9"), right: I(2n) }),
    code({ kind: "Mov", dst: R("x9"), src: I(65536n) }),
    code({ kind: "Mov", dst: R("x9"), src: S(1) }),
    code({ kind: "Cmp", left: I(1n), right: R("x9") }),
    code({ kind: "Lsl", dst: R("x9"), left: R("x9"), right: I(64n) }),
    code({ kind: "Ldr", dst: S(0), src: S(1) }),
    code({ kind: "Movz", dst: R("x9"), value: 70000, shift: 0 }),
    code({ kind: "Movk", dst: R("x9"), value: 1, shift: 8 }),
    code({ kind: "Sdiv", dst: R("x9"), left: R("x9"), right: I(7n) }),
    code({ kind: "Msub", dst: R("x9"), left: R("x9"), right: R("x10"), from: S(0) }),
    code({ kind: "Cbz", src: S(0), target: "qn_division_by_zero" }),
  ];
  for (const p of bad) assert.is(validate(La64patched, p).ok, false, JSON.stringify(p, (_, x) => (typeof x === "bigint" ? `${x}` : x)));
});

a64("La64 accepts only in-range frame addresses; La64var only known labels", () => {
  const mem = (offset: bigint) => ({ kind: "Mem", base: "sp", offset });
  assert.ok(validate(La64, code({ kind: "Ldr", dst: R("x9"), src: mem(32760n) })).ok);
  assert.is(validate(La64, code({ kind: "Ldr", dst: R("x9"), src: mem(32768n) })).ok, false);
  assert.is(validate(La64, code({ kind: "Ldr", dst: R("x9"), src: mem(4n) })).ok, false);
  assert.is(validate(La64, code({ kind: "Add", dst: R("x9"), left: mem(0n), right: R("x9") })).ok, false);
  assert.ok(validate(La64var, code({ kind: "B", target: "main.conclusion" })).ok);
  assert.is(validate(La64var, code({ kind: "B", target: "main.nowhere" })).ok, false);
  // The one branch out of the program: the runtime's panic for a zero divisor.
  assert.ok(validate(La64var, code({ kind: "Cbz", src: R("x1"), target: "qn_division_by_zero" })).ok);
  assert.ok(validate(La64var, code({ kind: "B", target: "qn_division_by_zero" })).ok);
  assert.is(validate(La64var, code({ kind: "Cbz", src: R("x1"), target: "qn_panic" })).ok, false);
  assert.is(validate(La64var, code({ kind: "Adrp", dst: R("x0"), symbol: ".Lstr0" })).ok, false);
});

// ------------------------------------------------------------ the model is strict

/** A call of a routine of the runtime, listing the argument registers it reads. */
const bl = (target: string) => ({ kind: "Bl", target, args: ["x0", "x1"].slice(0, runtimeArguments[target]).map(R) });
const returns = { kind: "B", target: "main.conclusion" };

a64("the model clobbers caller-saved registers at a call, as the machine does", () => {
  const keepsX1 = code(
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
  assert.is(machine.La64var!(code(...keepsX19, { kind: "Mov", dst: R("x19"), src: saved }, returns)).stdout.split("\n")[1], "5", "x19 is callee-saved");
  // Before the prelude exists, saving x19 is the prelude's job; in La64 main must have done it.
  assert.is(machine.La64var!(code(...keepsX19, returns)).stdout.split("\n")[1], "5");
  const clobbers = [{ kind: "Stp", first: R("x29"), second: R("x30") }, { kind: "Mov", dst: R("x29"), src: R("sp") }, { kind: "Mov", dst: R("x19"), src: I(5n) }];
  const conclusion = [{ kind: "Mov", dst: R("sp"), src: R("x29") }, { kind: "Ldp", first: R("x29"), second: R("x30") }, { kind: "Ret" }];
  assert.throws(() => machine.La64!(framedInstrs(...clobbers, ...conclusion)), /without restoring x19/);
});

a64("the model rejects a misaligned call, memory below sp and an unbalanced frame", () => {
  const misaligned = framedInstrs({ kind: "Sub", dst: R("sp"), left: R("sp"), right: I(8n) }, bl("qn_read_int"));
  assert.throws(() => machine.La64!(misaligned, { stdin: "1\n" }), /aligned/);
  const below = code({ kind: "Str", src: R("x0"), dst: { kind: "Mem", base: "sp", offset: 0n } }, { kind: "Ldr", dst: R("x0"), src: { kind: "Mem", base: "x29", offset: 0n } });
  assert.throws(() => machine.La64!({ ...below, blocks: [{ kind: "Block", label: "qn_main", instrs: [{ kind: "Mov", dst: R("x29"), src: I(0n) }, ...below.blocks[0]!.instrs] }] }), /below sp/);
  const unbalanced = framedInstrs({ kind: "Stp", first: R("x29"), second: R("x30") }, { kind: "Ret" });
  assert.throws(() => machine.La64!(unbalanced), /main returns with sp/);
  assert.throws(() => machine.La64var!(code({ kind: "Mov", dst: R("x0"), src: { kind: "Var", name: "never" } })), /never written/);
});

a64("the model divides as sdiv does: MIN / -1 is MIN, x / 0 is 0 (no trap)", () => {
  const divide = (a: bigint, b: bigint) =>
    machine.La64var!(
      code(
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

a64.run();

// ---------------------------------------------------------------- the heap forms, both targets

const heap = suite("heap forms: what the invariants and the models catch");

const [slot, reg] = [(index: number) => ({ kind: "Slot", index }), (name: string) => ({ kind: "Reg", name })];

heap("x86-64: memory accesses in Lx86var and Lx86patched", () => {
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

heap("AArch64: memory accesses in La64var and La64patched", () => {
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

heap("the models: a use after free and a load outside an object are errors of the compiler, not outcomes", () => {
  for (const target of targets) {
    const program = (text: string) => backEnds[target][0]!.run(lalloc(text), context);
    const model = interpreterFor((backEnds[target][0]!.to as { name: string }).name)!; // select-instructions' IL
    const freed = program(`
main.start:
  p = alloc(24, 0x101)
  *(p + 16) = 1
  release p
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

heap.run();
