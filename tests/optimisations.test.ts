// Each optimisation does what it says (spec/optimisations.md), on generated
// programs and the benchmarks. That each keeps the meaning is the checking
// loop's, like every pass's (tests/props.test.ts, tests/golden.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { blocksByFunction, conclusionOf, functionOfSymbol } from "../ir-defs/functions.js";
import { targets, type Target } from "../ir-defs/targets.js";
import type { AnyNode } from "../il/node.js";
import { programs } from "../props/generator.js";
import { quickRun } from "./props/quick.js";
import type * as C from "../ir-defs/generated/Lcfg.js";
import { forEachNode } from "../il/rewrite.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { INT_MAX, INT_MIN } from "../ir-defs/semantics.js";
import { interpreterFor } from "../interp/index.js";
import { inlineBudget } from "../passes/inline-calls.js";
import type { NeedsRegister } from "../passes/hoist-immediates.js";
import { loops } from "../passes/shared/loops.js";
import { needsRegister as x86NeedsRegister } from "../passes/x86_64/index.js";
import { needsRegister as a64NeedsRegister } from "../passes/aarch64/index.js";
import type * as A from "../ir-defs/generated/Lalloc.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { successors } from "../ir-defs/reference-uses.js";
import { fieldOffset } from "../ir-defs/heap-layout.js";
import { betweenMarkers, columnsOf, markers, optDoc, tableHead } from "../scripts/bench-opt.js";
import { benchmarks } from "../scripts/bench-code.js";

type Block = { label: string; instrs: AnyNode[] };

// ---------------------------------------------------------------- drop-leaf-frames

const leaf = suite("drop-leaf-frames: leaves lose their frames, nothing else changes");

/** Per target, what the test knows of frames independently of the pass. */
const frames: Record<Target, { preludeLength: number; calls: string[]; frameRegisters: string[] }> = {
  x86_64: { preludeLength: 5, calls: ["Callq", "CallqIndirect", "JmpIndirect", "Pushq", "Popq"], frameRegisters: ["rbp", "rsp"] },
  aarch64: { preludeLength: 7, calls: ["Bl", "Blr", "Br", "Stp", "Ldp"], frameRegisters: ["x29", "x30", "sp"] },
};

/** Every function of an assembly-level program: its blocks, from its prelude to its conclusion. */
function functions(blocks: readonly Block[]): Block[][] {
  const list: Block[][] = [];
  for (const b of blocks) {
    if (functionOfSymbol(b.label) !== null) list.push([]);
    list.at(-1)!.push(b);
  }
  return list;
}

/** Whether any node under `instr` names one of the registers (as a register or a memory base). */
function names(instr: unknown, registers: readonly string[]): boolean {
  if (typeof instr !== "object" || instr === null) return false;
  const node = instr as Record<string, unknown>;
  if ((node.kind === "Reg" && registers.includes(node.name as string)) || (node.kind === "Mem" && registers.includes(node.base as string))) return true;
  return Object.values(node).some((v) => (Array.isArray(v) ? v.some((x) => names(x, registers)) : names(v, registers)));
}

/** Before and after drop-leaf-frames, each a list of functions; checks them; returns how many lost their frame. */
function checkLeaves(source: string, target: Target): number {
  const steps = compile(source, "generated.qs", { target, check: true, until: "drop-leaf-frames" });
  const [before, after] = steps.slice(-2).map((s) => functions((s.output as { blocks: Block[] }).blocks)) as [Block[][], Block[][]];
  assert.is(after.length, before.length);
  const { preludeLength, calls, frameRegisters } = frames[target];
  let dropped = 0;
  before.forEach((fn, k) => {
    const out = after[k]!;
    const label = fn[0]!.label;
    assert.equal(out.slice(1, -1), fn.slice(1, -1), `${label}: the body does not change`);
    const body = fn.slice(1, -1);
    const labels = new Set(fn.map((b) => b.label));
    const isLeaf =
      fn[0]!.instrs.length === preludeLength && // no room made, nothing saved
      fn.at(-1)!.label === conclusionOf(functionOfSymbol(label)!) &&
      body.every((b) => b.instrs.every((i) => !calls.includes(i.kind) && !names(i, frameRegisters) && !(typeof i.target === "string" && !labels.has(i.target))));
    if (isLeaf) {
      dropped++;
      assert.equal(out[0]!.instrs, fn[0]!.instrs.slice(-1), `${label}: a leaf's prelude is only its jump to the entry`);
      assert.equal(out.at(-1)!.instrs, fn.at(-1)!.instrs.slice(-1), `${label}: a leaf's conclusion only returns`);
    } else {
      assert.equal(out, fn, `${label}: a function that needs its frame keeps it`);
    }
  });
  return dropped;
}

leaf("on generated programs, on both targets: exactly the leaves lose their frames, and some do", () => {
  for (const target of targets) {
    let dropped = 0;
    for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) dropped += checkLeaves(g.source, target);
    assert.ok(dropped >= 10, `${target}: only ${dropped} functions lost their frame in 200 programs`);
  }
});

leaf("the benchmarks' small callees lose their frames, a recursive function keeps its", () => {
  const bench = (name: string) => readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8");
  for (const target of targets) {
    for (const name of ["function_calls", "method_calls", "fib"]) checkLeaves(bench(name), target);
    const asm = (name: string) => compile(bench(name), `${name}.qs`, { target }).at(-1)!.output as string;
    assert.not.match(asm("function_calls").split("fn.step:")[1]!.split("step.conclusion:")[0]!, /qn_stack_limit/, `${target}: step has no stack check`);
    assert.match(asm("fib").split("fn.fib:")[1]!.split("fib.conclusion:")[0]!, /qn_stack_limit/, `${target}: fib calls, so it keeps its check`);
  }
});

leaf.run();

// ---------------------------------------------------------------- shrink-wrap-frames

const wrap = suite("shrink-wrap-frames: what runs before the frame is made needs none, the rest runs in it");

const calleeSavedOf: Record<Target, string[]> = {
  x86_64: ["rbx", "r12", "r13", "r14", "r15"],
  aarch64: ["x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28"],
};
const returns = new Set(["Retq", "Ret"]);
const jumps = new Set(["Jmp", "B"]);

/**
 * Checks one function after shrink-wrap-frames by walking its blocks from its symbol: a block
 * holding the stack check (a branch to qn_stack_overflow) makes the frame. Every block reached
 * before one does calls nothing, names no frame register and no callee-saved register (it would
 * change the caller's), and is never also reached with the frame made; a block reached with it
 * returns only through the conclusion, and is the block it was before. Returns whether the
 * function returns on some path without making its frame.
 */
function checkWrapped(fn: readonly Block[], before: ReadonlyMap<string, Block>, target: Target): boolean {
  const { calls, frameRegisters } = frames[target];
  const labels = new Set(fn.map((b) => b.label));
  const index = new Map(fn.map((b, k) => [b.label, k]));
  const conclusion = conclusionOf(functionOfSymbol(fn[0]!.label)!);
  const seen = new Map<string, boolean>(); // label -> reached with the frame made
  let fastReturn = false;
  const todo: [number, boolean][] = [[0, false]];
  while (todo.length > 0) {
    const [k, framedBefore] = todo.pop()!;
    const block = fn[k]!;
    const was = seen.get(block.label);
    if (was !== undefined) {
      assert.is(was, framedBefore, `${block.label}: reached both before and after the frame is made`);
      continue;
    }
    seen.set(block.label, framedBefore);
    const makes = block.instrs.some((i) => i.target === "qn_stack_overflow");
    if (framedBefore) {
      if (block.label !== conclusion && before.has(block.label)) assert.equal(block, before.get(block.label), `${block.label}: runs in the frame, unchanged`);
      assert.ok(block.label === conclusion || !block.instrs.some((i) => returns.has(i.kind)), `${block.label}: returns in its frame without taking it down`);
    } else if (!makes) {
      for (const i of block.instrs) {
        assert.ok(!calls.includes(i.kind) && !names(i, frameRegisters) && !(typeof i.target === "string" && !labels.has(i.target)), `${block.label}: needs a frame it has not got (${i.kind})`);
        assert.not.ok(names(i, calleeSavedOf[target]), `${block.label}: changes a callee-saved register before it is saved`);
        if (returns.has(i.kind)) fastReturn = true;
      }
    }
    const framed = framedBefore || makes;
    // (a jump to the function's own symbol is a tail call: a new call, which makes its own frame)
    for (const i of block.instrs) if (typeof i.target === "string" && i.target !== fn[0]!.label && index.has(i.target)) todo.push([index.get(i.target)!, framed]);
    const last = block.instrs.at(-1);
    if (k + 1 < fn.length && !(last && (jumps.has(last.kind) || returns.has(last.kind)))) todo.push([k + 1, framed]); // falls through
  }
  return fastReturn;
}

/** Checks every function of a program after shrink-wrap-frames; returns how many return without a frame on some path. */
function checkWrap(source: string, target: Target): number {
  const steps = compile(source, "generated.qs", { target, check: true, until: "shrink-wrap-frames" });
  const [before, after] = steps.slice(-2).map((s) => functions((s.output as { blocks: Block[] }).blocks)) as [Block[][], Block[][]];
  assert.is(after.length, before.length);
  return after.filter((fn, k) => checkWrapped(fn, new Map(before[k]!.map((b) => [b.label, b])), target)).length;
}

wrap("on generated programs, on both targets: no block runs without a frame it needs, and some return without one", () => {
  for (const target of targets) {
    let fast = 0;
    for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) fast += checkWrap(g.source, target);
    assert.ok(fast >= 10, `${target}: only ${fast} functions return without a frame in 200 programs`);
  }
});

wrap("the benchmarks: fib returns n < 2 without a frame or a stack check, and keeps both on its other path", () => {
  const bench = (name: string) => readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8");
  for (const target of targets) {
    for (const name of benchmarks()) checkWrap(bench(name), target);
    assert.ok(checkWrap(bench("fib"), target) >= 1, `${target}: fib has a path without a frame`);
    const fib = (compile(bench("fib"), "fib.qs", { target }).at(-1)!.output as string).split("fn.fib:")[1]!.split("fib.conclusion:")[0]!;
    const [early, ...late] = fib.split(/\bretq?\b/);
    assert.not.match(early!, /qn_stack_limit|x29|%rbp|x19|%rbx/, `${target}: fib's n < 2 path makes no frame and saves nothing`);
    assert.match(late.join(""), /qn_stack_limit/, `${target}: fib's recursive path checks the stack`);
  }
});

wrap.run();

// ---------------------------------------------------------------- fold-constants, fold-branches

const fold = suite("fold-constants and fold-branches: what is known is computed, branches on it go one way");

const literal = (a: C.Atom) => a.kind === "Int" || a.kind === "Bool";
/** The programs after explicate-control, fold-constants and fold-branches. */
function folded(source: string): [C.Program, C.Program, C.Program] {
  const steps = compile(source, "generated.qs", { target: "x86_64", check: true, until: "fold-branches" });
  return steps.slice(-3).map((s) => s.output) as [C.Program, C.Program, C.Program];
}
/** What is left to fold: operators on literals only (but a division or remainder by 0, which must panic when run), and branches on literals. */
function leftToFold(p: C.Program): { operators: string[]; branches: number; constants: string[] } {
  const operators: string[] = [];
  let branches = 0;
  forEachNode(Lcfg, p, (node) => {
    const n = node as unknown as C.Node;
    if (n.kind === "Binary" && literal(n.left) && literal(n.right) && !((n.op === "/" || n.op === "%") && n.right.kind === "Int" && n.right.value === 0n)) operators.push(n.op);
    if (n.kind === "Unary" && literal(n.arg)) operators.push(n.op);
    if (n.kind === "Branch" && literal(n.left) && literal(n.right)) branches++;
  });
  const constants = p.defs.flatMap((d) => {
    const assigns = d.blocks.flatMap((b) => b.stmts.flatMap((s) => (s.kind === "Assign" ? [s] : [])));
    const kept = new Set([...d.params, ...d.refs, ...d.unions]);
    return assigns.filter((a) => literal(a.value as C.Atom) && !kept.has(a.name) && assigns.filter((b) => b.name === a.name).length === 1).map((a) => a.name);
  });
  return { operators, branches, constants };
}

fold("on generated programs: after fold-constants no operator has only literal operands and no variable is a constant left; after fold-branches no branch is on literals", () => {
  let [operators, branches, constants] = [0, 0, 0];
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) {
    const [before, afterConstants, afterBranches] = folded(g.source);
    const [was, left, last] = [leftToFold(before), leftToFold(afterConstants), leftToFold(afterBranches)];
    [operators, branches, constants] = [operators + was.operators.length, branches + left.branches, constants + was.constants.length];
    assert.equal(left.operators, [], `operators on literals left:\n${g.source}`);
    assert.equal(left.constants, [], `constants left:\n${g.source}`);
    assert.is(last.branches, 0, `branches on literals left:\n${g.source}`);
  }
  // Not empty: the generated programs give each something to do.
  assert.ok(constants >= 50 && operators + branches >= 20, `only ${constants} constants, ${operators} operators on literals and ${branches} branches on them in 200 programs`);
});

fold("folding wraps as the machine does, and leaves what panics to panic", () => {
  const main = (body: string) => `fn main() {\n${body}\n}\n`;
  const [, after] = folded(main(`let big = ${INT_MAX}\nlet one = 1\nprint(big + one)\nprint(0 - big - one - one)\nprint(one << 65)\nprint(-one >> 70)\nlet z = 0\nprint(big / z)\nprint(big % z)`));
  const printed = after.defs[0]!.blocks.flatMap((b) => b.stmts.flatMap((s) => (s.kind === "Do" && s.expr.kind === "Prim" ? [s.expr.args[0]!] : [])));
  assert.equal(printed.slice(0, 4).map((a) => (a.kind === "Int" ? a.value : a.kind)), [INT_MIN, INT_MAX, 2n, -1n]);
  const divisions: string[] = [];
  forEachNode(Lcfg, after, (n) => void (n.kind === "Binary" && divisions.push(n.op as string)));
  assert.equal(divisions, ["/", "%"], "a division by zero stays, to panic");
});

fold.run();

// ---------------------------------------------------------------- mask-remainders

const masks = suite("mask-remainders: a remainder by a power of two only tested against zero becomes a mask");

/** The remainders by a power of two of `p` whose variable is read only by branches `== 0` / `!= 0`, and the masks. */
function remaindersAndMasks(p: C.Program): { remainders: number; masks: number } {
  let [remainders, masks] = [0, 0];
  for (const d of p.defs) {
    const reads = new Map<string, number>();
    const tests = new Map<string, number>();
    forEachNode(Lcfg, d, (node) => {
      const n = node as unknown as C.Node;
      if (n.kind === "Var") reads.set(n.name, (reads.get(n.name) ?? 0) + 1);
      if (n.kind === "Branch" && (n.op === "==" || n.op === "!=")) {
        for (const [a, b] of [[n.left, n.right], [n.right, n.left]] as const) if (a.kind === "Var" && b.kind === "Int" && b.value === 0n) tests.set(a.name, (tests.get(a.name) ?? 0) + 1);
      }
    });
    const assigns = d.blocks.flatMap((b) => b.stmts.flatMap((s) => (s.kind === "Assign" ? [s] : [])));
    for (const a of assigns) {
      // (A variable never read is no such remainder: what it holds is seen nowhere, and drop-dead-code takes it.)
      if (a.value.kind !== "Binary" || a.value.right.kind !== "Int" || assigns.filter((b) => b.name === a.name).length !== 1 || !tests.has(a.name) || reads.get(a.name) !== tests.get(a.name)) continue;
      const c = a.value.right.value;
      if (a.value.op === "%" && [2n, 4n, 8n, 16n, 1n << 62n].includes(c)) remainders++;
      if (a.value.op === "&" && [1n, 3n, 7n, 15n].includes(c)) masks++;
    }
  }
  return { remainders, masks };
}

masks("on generated programs: no such remainder is left, and some became masks", () => {
  let made = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 700, seed: quickRun.seed })) {
    const steps = compile(g.source, "generated.qs", { target: "x86_64", check: true, until: "mask-remainders" });
    const [before, after] = steps.slice(-2).map((s) => remaindersAndMasks(s.output as C.Program)) as [ReturnType<typeof remaindersAndMasks>, ReturnType<typeof remaindersAndMasks>];
    assert.is(after.remainders, 0, `a remainder left:\n${g.source}`);
    assert.is(after.masks - before.masks, before.remainders, `each remainder became a mask:\n${g.source}`);
    made += before.remainders;
  }
  assert.ok(made >= 5, `only ${made} remainders to mask in 700 programs`);
});

masks("collatz tests evenness with a mask; a remainder whose value is printed stays", () => {
  const collatz = readFileSync(join(packageRoot, "bench", "collatz.qs"), "utf8");
  const after = compile(collatz, "collatz.qs", { target: "x86_64", until: "mask-remainders" }).at(-1)!.output as C.Program;
  assert.equal(remaindersAndMasks(after), { remainders: 0, masks: 1 });
  const kept = compile("fn main() {\n    let n = read_int()\n    let r = n % 4\n    if r == 0 { print(r) }\n}\n", "r.qs", { target: "x86_64", until: "mask-remainders" }).at(-1)!.output as C.Program;
  const ops: string[] = [];
  forEachNode(Lcfg, kept, (n) => void (n.kind === "Binary" && ops.push(n.op as string)));
  assert.equal(ops, ["%"]);
});

masks.run();

// ---------------------------------------------------------------- drop-checks-in-range, drop-checks-below-length

const checks = suite("drop-checks-in-range and drop-checks-below-length: a check goes only where its index is in range on every run");

const failed = "a dropped check fails";
const text = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
/** Before the two passes, after each; `before` with each check they dropped made a test of its own that panics
 * `failed` when its index is out of range; and how many checks each dropped. Each block of `after` is its block of
 * `before` less some statements (checks, and the length loads only they read): the test holds that too. */
function dropsOf(source: string): { after: C.Program; tested: C.Program; dropped: [number, number] } {
  const steps = compile(source, "generated.qs", { target: "x86_64", check: true, until: "drop-checks-below-length" });
  const [before, middle, after] = steps.slice(-3).map((s) => s.output as C.Program) as [C.Program, C.Program, C.Program];
  const count = (p: C.Program) => p.defs.reduce((n, d) => n + d.blocks.reduce((m, b) => m + b.stmts.filter((s) => s.kind === "CheckIndex").length, 0), 0);
  const defs = before.defs.map((def, k) => {
    const blocks: C.BasicBlock[] = [];
    def.blocks.forEach((b, j) => {
      const kept = after.defs[k]!.blocks[j]!;
      assert.is(kept.label, b.label);
      assert.is(text(kept.tail), text(b.tail));
      let [next, rest, part] = [0, b.label, [] as C.CStmt[]];
      for (const s of b.stmts) {
        if (next < kept.stmts.length && text(kept.stmts[next]) === text(s)) {
          [next, part] = [next + 1, [...part, s]];
          continue;
        }
        if (s.kind === "Assign" && s.value.kind === "Load" && s.value.offset === 16n && s.value.index === null) {
          part.push(s); // a length load only dropped checks read: the test reads it
          continue;
        }
        assert.is(s.kind, "CheckIndex", `only checks and length loads are dropped: ${text(s)}`);
        const { index, length } = s as C.CheckIndex;
        // `if i < 0 goto fail else more; more: if i >= n goto fail else rest; rest: the statements after`.
        const [more, tail, fail] = [`${rest}.more`, `${rest}.rest`, `${rest}.fail`];
        blocks.push({ kind: "BasicBlock", label: rest, stmts: part, tail: { kind: "Branch", left: index, op: "<", right: { kind: "Int", value: 0n }, then: fail, else: more } });
        blocks.push({ kind: "BasicBlock", label: more, stmts: [], tail: { kind: "Branch", left: index, op: ">=", right: length, then: fail, else: tail } });
        blocks.push({ kind: "BasicBlock", label: fail, stmts: [{ kind: "Do", expr: { kind: "Prim", op: "panic", args: [{ kind: "Str", value: failed }] } }], tail: { kind: "Return", value: { kind: "Unit" } } });
        [rest, part] = [tail, []];
      }
      assert.is(next, kept.stmts.length, `${b.label}: the statements kept are the block's, in order`);
      blocks.push({ ...b, label: rest, stmts: part });
    });
    return { ...def, blocks: [...blocks.filter((b) => b.label === def.blocks[0]!.label), ...blocks.filter((b) => b.label !== def.blocks[0]!.label)] };
  });
  return { after, tested: { ...before, defs }, dropped: [count(before) - count(middle), count(middle) - count(after)] };
}

checks("on generated programs: every check dropped passes on every run (a test of its own in its place), and each pass drops some", () => {
  const run = interpreterFor("Lcfg")!;
  let [inRange, belowLength, tested] = [0, 0, 0];
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 300, seed: quickRun.seed })) {
    const { tested: program, dropped } = dropsOf(g.source);
    [inRange, belowLength] = [inRange + dropped[0], belowLength + dropped[1]];
    if (dropped[0] + dropped[1] === 0) continue;
    const outcome = run(program, { stdin: g.stdin });
    assert.is.not(outcome.panic, failed, `a dropped check fails:\n${g.source}`);
    if (!outcome.outOfFuel) tested++;
  }
  assert.ok(inRange >= 100 && belowLength >= 50 && tested >= 50, `only ${inRange} and ${belowLength} checks dropped, in ${tested} programs run`);
});

/** A benchmark made small enough for the interpreter: its sizes replaced. */
const smallBench = (name: string, sizes: [string, string][]) => sizes.reduce((s, [from, to]) => s.replace(from, to), readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8"));

checks("the benchmarks' checks go where they are proved, and pass where they went", () => {
  const run = interpreterFor("Lcfg")!;
  const matrix = smallBench("matrix", [["let n = 500", "let n = 7"]]);
  const sieve = smallBench("sieve", [["let n = 2_000_000", "let n = 2_000"], ["0..30", "0..2"]]);
  for (const [source, left] of [[matrix, 0], [sieve, 1]] as const) {
    const { after, tested } = dropsOf(source);
    assert.is(run(tested).panic, null);
    const kept: string[] = [];
    forEachNode(Lcfg, after, (n) => void (n.kind === "CheckIndex" && kept.push(text(n))));
    assert.is(kept.length, left, `checks left: ${kept.join(", ")}`); // sieve keeps a[i] of `while i * i <= n`: i's range is not bounded
  }
});

checks.run();

// ---------------------------------------------------------------- hoist-invariants

const hoisted = suite("hoist-invariants: what a loop does not change is computed before it");

/** A value's text, locs aside. */
const valueText = (e: C.CExpr) => JSON.stringify(e, (key, v: unknown) => (key === "loc" ? undefined : typeof v === "bigint" ? `${v}n` : v));
/** `def` with the reads of each variable of `holders` made reads of its holder, and its assignment gone. */
function held(def: C.Def, holders: ReadonlyMap<string, string>): C.Def {
  const reads = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(reads);
    if (typeof x !== "object" || x === null) return x;
    const node = x as { kind?: string; name?: string };
    if (node.kind === "Var" && holders.has(node.name!)) return { ...node, name: holders.get(node.name!) };
    return Object.fromEntries(Object.entries(node).map(([key, v]) => [key, reads(v)]));
  };
  const blocks = def.blocks.map((b) => ({ ...b, stmts: b.stmts.filter((t) => !(t.kind === "Assign" && holders.has(t.name))) }));
  return reads({ ...def, blocks }) as C.Def;
}

/** The statements hoist-invariants moved, each with the block it left and the one it went to; and checks each move:
 * the statement cannot panic, is its variable's only assignment, and none of its operands is assigned on a cycle
 * through the block it left, which the block it went to is not on. A value moved out of a loop a second time is
 * held by the variable of the first: its own assignment goes, and its reads read that variable (`holders`). */
function movesOf(source: string): { after: C.Program; moved: number; fields: number; holders: number } {
  const steps = compile(source, "generated.qs", { target: "x86_64", check: true, until: "hoist-invariants" });
  const [before, after] = steps.slice(-2).map((s) => s.output as C.Program) as [C.Program, C.Program];
  let [moved, fields, holding] = [0, 0, 0];
  before.defs.forEach((first, k) => {
    const out = after.defs[k]!;
    const assigns = out.blocks.flatMap((b) => b.stmts).filter((t): t is C.Assign => t.kind === "Assign");
    const outTexts = out.blocks.flatMap((b) => b.stmts.map(text));
    const holders = new Map<string, string>();
    for (const t of first.blocks.flatMap((b) => b.stmts)) {
      if (t.kind !== "Assign" || assigns.some((a) => a.name === t.name)) continue;
      // Its holder: what a statement that read it reads there now (found by the statement's text, that name aside).
      const read = `"name":${JSON.stringify(t.name)}`;
      const readers = first.blocks.flatMap((b) => b.stmts.map(text)).filter((r) => r.includes(read));
      const found = new Set(readers.flatMap((r) => {
        const pattern = new RegExp(`^${r.split(read).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join('"name":"([^"]+)"')}$`);
        return outTexts.flatMap((o) => pattern.exec(o)?.slice(1) ?? []);
      }));
      assert.ok(found.size <= 1, `${t.name}'s reads read ${[...found].join(", ")}`);
      const holder = assigns.find((a) => found.has(a.name));
      if (readers.length > 0) assert.ok(holder && valueText(holder.value) === valueText(t.value), `${text(t)} went, and no variable holding its value is read instead`);
      if (holder) holders.set(t.name, holder.name);
    }
    holding += holders.size;
    const def = holders.size === 0 ? first : held(first, holders);
    // The arrays: the bases of element accesses (their length, `*(a + 16)`, never changes).
    const arrays = new Set(def.blocks.flatMap((b) => b.stmts.flatMap((t) => {
      const e = t.kind === "Assign" ? t.value : t;
      return (e.kind === "Load" || e.kind === "Store") && e.index !== null && e.base.kind === "Var" ? [e.base.name] : [];
    })));
    const byLabel = new Map(out.blocks.map((b) => [b.label, b]));
    const next = (l: string) => { const t = byLabel.get(l)!.tail; return t.kind === "Goto" ? [t.target] : t.kind === "Branch" ? [t.then, t.else] : []; };
    /** The blocks reached from `from`'s successors without going through `avoid`. */
    const reach = (from: string, avoid: string) => {
      const seen = new Set<string>();
      for (const stack = next(from); stack.length > 0; ) {
        const l = stack.pop()!;
        if (l !== avoid && !seen.has(l)) [seen.add(l), stack.push(...next(l))];
      }
      return seen;
    };
    const left = new Map<string, [C.CStmt, string]>(); // statement text -> the statement, the block it left
    const went = new Map<string, string>(); // statement text -> the block it went to
    def.blocks.forEach((b, j) => {
      const now = out.blocks[j]!.stmts.map(text);
      b.stmts.filter((s) => !now.includes(text(s))).forEach((s) => left.set(text(s), [s, b.label]));
      now.filter((s) => !b.stmts.map(text).includes(s)).forEach((s) => went.set(s, b.label));
    });
    assert.equal([...left.keys()].sort(), [...went.keys()].sort(), `${def.name}: statements only move`);
    for (const [s, [stmt, from]] of left) {
      assert.is(stmt.kind, "Assign", s);
      const { name, value } = stmt as C.Assign;
      const pure = (value.kind === "Binary" && value.op !== "/" && value.op !== "%") || value.kind === "Unary" || (value.kind === "Load" && value.index === null);
      assert.ok(pure, `${s} cannot panic`);
      assert.is(out.blocks.flatMap((b) => b.stmts).filter((t) => t.kind === "Assign" && t.name === name).length, 1, `${s}: the only assignment`);
      // It went to a block P every way into its old block goes through, and its old block is on a cycle without P: a loop.
      const to = went.get(s)!;
      const entry = out.blocks[0]!.label;
      assert.ok(from !== entry && (to === entry || !reach(entry, to).has(from)) && reach(from, to).has(from), `${s} went from a loop to before it`);
      assert.ok(reach(entry, "").has(from), `${s} left a block that never runs`); // (what it reads may be set nowhere)
      // No operand is assigned on a way from P to its old block: there, it has the value it had in P.
      const between = [...reach(to, to)].filter((l) => l === from || reach(l, to).has(from));
      const operands = (value.kind === "Binary" ? [value.left, value.right] : value.kind === "Unary" ? [value.arg] : value.kind === "Load" ? [value.base] : []).flatMap((a) => (a.kind === "Var" ? [a.name] : []));
      const changed = between.flatMap((l) => byLabel.get(l)!.stmts.flatMap((t) => (t.kind === "Assign" ? [t.name] : [])));
      assert.equal(operands.filter((o) => changed.includes(o)), [], `${s}: an operand changes in the loop it left`);
      // A load but an array's length: nothing on those ways writes memory (no store, and no call, primitive or receive).
      const length = value.kind === "Load" && value.offset === 16n && value.base.kind === "Var" && arrays.has(value.base.name);
      if (value.kind === "Load" && !length) {
        const writes = between.flatMap((l) => byLabel.get(l)!.stmts).filter((t) => t.kind === "Store" || t.kind === "Do" || (t.kind === "Assign" && ["Call", "Prim", "Receive"].includes(t.value.kind)));
        assert.equal(writes.map(text), [], `${s}: the loop it left writes memory`);
        fields++;
      }
      moved++;
    }
    // A holder moved out of the loop its value's second computation was in.
    for (const holder of new Set(holders.values())) assert.ok([...went.keys()].some((w) => assigns.some((a) => a.name === holder && text(a) === w)), `${holder}, a holder, moved`);
  });
  return { after, moved, fields, holders: holding };
}

hoisted("on generated programs, matrix and the calls: each statement moved is invariant in the loop it left and cannot panic; a field, only from a loop that writes no memory; some move", () => {
  let moved = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 300, seed: quickRun.seed })) moved += movesOf(g.source).moved;
  assert.ok(moved >= 20, `only ${moved} statements moved in 300 programs`); // 29
  const matrix = movesOf(readFileSync(join(packageRoot, "bench", "matrix.qs"), "utf8"));
  assert.ok(matrix.moved >= 3, "matrix: i * n leaves the inner loops");
  // Fields read in (not literals, which forward-fields takes first).
  for (const name of ["function_calls", "method_calls"]) {
    const { fields } = movesOf(readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8").replace("scale: 3, offset: 7", "scale: read_int(), offset: read_int()"));
    assert.is(fields, 2, `${name}: acc.scale and acc.offset leave the loop, which writes nothing`);
  }
});

hoisted("a value computed again and again in a loop (an array's length for each check) is held by one variable moved before it, not one each", () => {
  const checks = Array.from({ length: 50 }, () => "        s += a[j]\n        j += 1\n").join("");
  const source = `fn total(a: Array[Int]) -> Int {\n    let mut s = 0\n    let mut j = 0\n    while j < len(a) {\n${checks}    }\n    s\n}\nfn main() {\n    print(total(array(read_int(), 3)))\n}\n`;
  const { after, moved, holders } = movesOf(source);
  const total = after.defs.find((d) => d.name === "total")!;
  const lengths = total.blocks.flatMap((b) => b.stmts).filter((t) => t.kind === "Assign" && t.value.kind === "Load" && t.value.offset === 16n);
  assert.is(lengths.length, 1, "one load of the length");
  assert.ok(moved === 1 && holders >= 40, `${moved} moved, ${holders} held by the first: the length is loaded once for the 50 checks`);
  assert.ok(movesOf(readFileSync(join(packageRoot, "bench", "matrix.qs"), "utf8")).holders >= 1, "matrix: the second i * n is the first's");
});

hoisted("a block never reached is in no loop: the loops `if false { ... }` leaves behind lend the loop around them nothing to hoist", () => {
  // Its inner loops read an array assigned nowhere (fold-branches dropped the block that made it); its length was hoisted.
  const source = readFileSync(join(packageRoot, "tests", "regressions", "hoist-invariants-unreached-blocks.qs"), "utf8");
  assert.is(movesOf(source).moved, 0);
});

hoisted("a value read through the variable that holds it is not invariant in a loop that assigns the holder", () => {
  // The inner loop's second `i * 3` is read as its first's; the outer loop assigns that one (and i).
  const source = readFileSync(join(packageRoot, "tests", "regressions", "hoist-invariants-renamed-operand.qs"), "utf8");
  const { moved, holders } = movesOf(source);
  assert.ok(moved === 2 && holders === 1, `${moved} moved, ${holders} held: i * 3 and then + 1 leave the inner loop only`);
});

hoisted.run();

// ---------------------------------------------------------------- reduce-strength

const reduced = suite("reduce-strength: a loop's product of its counter by a literal becomes a running product");

/** The multiplications by a literal (but 0 and 1) in the loops of `p`, and how many of them multiply
 * a counter (assigned once in the loop, by x = x + c, and in the loop's preheader) or a copy of one
 * (x = counter, earlier in the same block). Not counted: those that assign a variable of `made`. */
function productsOf(p: C.Program, made: ReadonlySet<string> = new Set()): { all: number; ofCounters: number } {
  const [all, ofCounters] = [new Set<C.CStmt>(), new Set<C.CStmt>()]; // a statement in nested loops counts once
  for (const def of p.defs) {
    const byLabel = new Map(def.blocks.map((b) => [b.label, b]));
    for (const { body, entries } of loops(def.blocks)) {
      const stmts = [...body].flatMap((l) => byLabel.get(l)!.stmts);
      const assigns = (x: string) => stmts.filter((s): s is C.Assign => s.kind === "Assign" && s.name === x);
      const preheader = entries.length === 1 ? byLabel.get(entries[0]!)! : null;
      const counter = (x: string) => {
        const [only, ...more] = assigns(x);
        const v = only?.value;
        const stepped = v?.kind === "Binary" && (v.op === "+" || v.op === "-") && [v.left, v.right].some((a) => a.kind === "Var" && a.name === x) && [v.left, v.right].some((a) => a.kind === "Int");
        return more.length === 0 && stepped && preheader !== null && preheader.stmts.some((s) => s.kind === "Assign" && s.name === x);
      };
      for (const l of body) {
        byLabel.get(l)!.stmts.forEach((s, i, block) => {
          if (s.kind !== "Assign" || s.value.kind !== "Binary" || s.value.op !== "*" || made.has(s.name)) return;
          const [x, m] = s.value.left.kind === "Var" ? [s.value.left, s.value.right] : [s.value.right, s.value.left];
          if (m.kind !== "Int" || m.value === 0n || m.value === 1n) return;
          all.add(s);
          if (x.kind !== "Var") return;
          const copy = assigns(x.name);
          const ofCopy = copy.length === 1 && copy[0]!.value.kind === "Var" && counter(copy[0]!.value.name) && block.slice(0, i).includes(copy[0]!);
          if (counter(x.name) || ofCopy) ofCounters.add(s);
        });
      }
    }
  }
  return { all: all.size, ofCounters: ofCounters.size };
}

/** The variables the pass made: assigned in `after`, not in `before`. */
function made(before: C.Program, after: C.Program): Set<string> {
  const assigned = (p: C.Program) => new Set(p.defs.flatMap((d) => d.blocks.flatMap((b) => b.stmts.flatMap((s) => (s.kind === "Assign" ? [s.name] : [])))));
  const old = assigned(before);
  return new Set([...assigned(after)].filter((n) => !old.has(n)));
}

reduced("on generated programs: products of counters go, no other multiplication does, and the meaning stays", () => {
  let gone = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 300, seed: quickRun.seed })) {
    const steps = compile(g.source, "generated.qs", { target: "x86_64", check: true, until: "reduce-strength" });
    const [was, now] = steps.slice(-2).map((s) => s.output as C.Program) as [C.Program, C.Program];
    const [before, after] = [productsOf(was), productsOf(now, made(was, now))];
    assert.ok(after.ofCounters <= before.ofCounters, `a product of a counter was made:\n${g.source}`);
    assert.is(before.all - after.all, before.ofCounters - after.ofCounters, `only products of counters go:\n${g.source}`);
    gone += before.ofCounters - after.ofCounters;
  }
  assert.ok(gone >= 5, `only ${gone} products of counters reduced in 300 programs`);
});

reduced("matrix: every product of a counter goes (k * n in its inner loop, j * 3, ...), check * 31 stays", () => {
  const source = readFileSync(join(packageRoot, "bench", "matrix.qs"), "utf8");
  const [was, now] = compile(source, "matrix.qs", { target: "x86_64", until: "reduce-strength" }).slice(-2).map((s) => s.output as C.Program) as [C.Program, C.Program];
  const [before, after] = [productsOf(was), productsOf(now, made(was, now))];
  assert.ok(before!.ofCounters >= 4, `${before!.ofCounters} products of counters before`);
  assert.equal(after, { all: 1, ofCounters: 0 });
});

reduced.run();

// ---------------------------------------------------------------- copy-branches

const copied = suite("copy-branches: no goto leads to a block that is only a branch (and no branch goes to); loops test at the end of their body");

/** The programs before and after copy-branches. */
function branchesCopied(source: string): [C.Program, C.Program] {
  return compile(source, "generated.qs", { target: "x86_64", check: true, until: "copy-branches" }).slice(-2).map((s) => s.output) as [C.Program, C.Program];
}

/** The labels some branch of `d` goes to. */
const branchedTo = (d: C.Def) => new Set(d.blocks.flatMap((b) => (b.tail.kind === "Branch" ? [b.tail.then, b.tail.else] : [])));

/** The gotos of `p` to a block with no statement that ends in a branch, and that no branch goes to. */
function gotosToBranches(p: C.Program): string[] {
  return p.defs.flatMap((d) => {
    const lone = new Set(d.blocks.filter((b) => b.stmts.length === 0 && b.tail.kind === "Branch" && !branchedTo(d).has(b.label)).map((b) => b.label));
    return d.blocks.flatMap((b) => (b.tail.kind === "Goto" && lone.has(b.tail.target) ? [`${b.label} -> ${b.tail.target}`] : []));
  });
}

copied("on generated programs: no goto to a lone branch is left, each became a copy of that branch, and nothing else changed", () => {
  let copies = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) {
    const [before, after] = branchesCopied(g.source);
    assert.equal(gotosToBranches(after), [], `gotos to lone branches left:\n${g.source}`);
    before.defs.forEach((d, i) => {
      const byLabel = new Map(d.blocks.map((b) => [b.label, b] as const));
      /** The block a goto to `label` runs the first statement or branch of, through blocks that are only a goto. */
      const reached = (label: string, seen: string[] = []): C.BasicBlock => {
        const b = byLabel.get(label)!;
        return b.stmts.length === 0 && b.tail.kind === "Goto" && !seen.includes(label) ? reached(b.tail.target, [...seen, label]) : b;
      };
      d.blocks.forEach((b, k) => {
        const out = after.defs[i]!.blocks[k]!;
        assert.equal(out.stmts, b.stmts, `${b.label}: the statements stay`);
        const target = b.tail.kind === "Goto" ? reached(b.tail.target) : null;
        if (target && target.stmts.length === 0 && target.tail.kind === "Branch" && !branchedTo(d).has(target.label)) {
          assert.equal(out.tail, target.tail, `${b.label}: the goto became ${target.label}'s branch`);
          copies++;
        } else assert.equal(out.tail, b.tail, `${b.label}: any other tail stays`);
      });
    });
  }
  assert.ok(copies >= 100, `only ${copies} gotos to lone branches in 200 programs`);
});

copied("matrix: each loop's body ends in the loop's test, branching back to its own start", () => {
  const [, after] = branchesCopied(readFileSync(join(packageRoot, "bench", "matrix.qs"), "utf8"));
  const loopsToSelf = after.defs[0]!.blocks.filter((b) => b.tail.kind === "Branch" && b.tail.then === b.label);
  assert.ok(loopsToSelf.length >= 2, "the k loop and the summing loop (one block each) branch back to themselves");
});

copied.run();

// ---------------------------------------------------------------- hoist-immediates

const immediates = suite("hoist-immediates: no loop builds a literal its target cannot encode on each turn");

/** Per target, which literal uses need a register (ir-defs/<target>/ operand rules), as the pass is given them. */
const needsRegister: Record<Target, NeedsRegister> = { x86_64: x86NeedsRegister, aarch64: a64NeedsRegister };

/** Checks one program on one target; returns how many literals were hoisted. */
function checkHoisted(source: string, target: Target): number {
  const [before, after] = compile(source, "generated.qs", { target, check: true, until: "hoist-immediates" }).slice(-2).map((s) => s.output) as [A.Program, A.Program];
  const literal = (a: A.Atom): bigint | null => (a.kind === "Int" ? a.value : a.kind === "Bool" ? (a.value ? 1n : 0n) : null);
  let hoisted = 0;
  after.defs.forEach((d, i) => {
    const fresh = new Map<string, { value: A.Atom; block: string }>();
    for (const b of d.blocks) for (const s of b.stmts) if (s.kind === "Assign" && s.name.startsWith("imm.") && !before.defs[i]!.blocks.some((x) => x.stmts.some((t) => t.kind === "Assign" && t.name === s.name))) {
      assert.not.ok(fresh.has(s.name), `${s.name} is assigned once`);
      assert.ok(s.value.kind === "Int" || s.value.kind === "Bool", `${s.name} is assigned a literal`);
      fresh.set(s.name, { value: s.value as A.Atom, block: b.label });
    }
    hoisted += fresh.size;
    for (const { body, entries } of loops(d.blocks)) {
      const uses: [A.Atom, string, "left" | "right"][] = [];
      for (const label of body) {
        const b = d.blocks.find((x) => x.label === label)!;
        for (const s of b.stmts) {
          if (s.kind === "Store") uses.push([s.value, "store", "right"]);
          if (s.kind === "Assign" && s.value.kind === "Binary" && s.value.op !== "/" && s.value.op !== "%") uses.push([s.value.left, s.value.op, "left"], [s.value.right, s.value.op, "right"]);
          if (s.kind === "Assign" && fresh.has(s.name)) assert.unreachable(`${s.name} is assigned in a loop that reads it`);
        }
        if (b.tail.kind === "Branch") uses.push([b.tail.left, b.tail.op, "left"], [b.tail.right, b.tail.op, "right"]);
      }
      for (const [a, op, side] of uses) {
        const v = literal(a);
        if (entries.length === 1) assert.not.ok(v !== null && needsRegister[target](op, side, v), `${d.name}: ${String(v)} (${side} of ${op}) is left in a loop of ${[...body].join(", ")}:\n${source}`);
        if (a.kind === "Var" && fresh.has(a.name)) assert.not.ok(body.has(fresh.get(a.name)!.block), `${a.name} is assigned outside the loop that reads it`);
      }
    }
  });
  return hoisted;
}

immediates("on generated programs, on both targets: no literal that needs a register is left in a loop with one way in; each new variable is assigned once, a literal, outside the loops that read it", () => {
  for (const target of targets) {
    let hoisted = 0;
    for (const g of fc.sample(programs({ unions: false }), { numRuns: 150, seed: quickRun.seed })) hoisted += checkHoisted(g.source, target);
    assert.ok(hoisted >= 20, `${target}: only ${hoisted} literals hoisted in 150 programs`);
  }
});

immediates("sieve and loops: their innermost loops build no literal (no movz or movk on AArch64, no 64-bit movq on x86-64)", () => {
  const bench = (name: string) => readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8");
  for (const target of targets) {
    for (const name of ["sieve", "loops"]) {
      checkHoisted(bench(name), target);
      const asm = compile(bench(name), `${name}.qs`, { target }).at(-1)!.output as string;
      // A block that branches back to its own label is an innermost loop of one block.
      const selfLoops = asm.split(/\n(?=\S+:\n)/).filter((b) => { const label = b.split(":")[0]!.trim(); return new RegExp(`\\s(b\\.\\w+|j\\w+)\\s+${label.replace(/\./g, "\\.")}\\n`).test(`${b}\n`); });
      assert.ok(selfLoops.length >= 1, `${target} ${name}: an innermost loop of one block`);
      for (const b of selfLoops) assert.not.match(b, target === "aarch64" ? /\bmov[zk]\b|\bmov\s+x9, #/ : /movq\s+\$\d{11,}/, `${target} ${name}: the loop builds a literal:\n${b}`);
    }
  }
});

immediates.run();

// ---------------------------------------------------------------- drop-zero-compares

const compares = suite("drop-zero-compares: no cmpq $0 follows an and, or or xor of the same place");

/** Whether `cmp` is `cmpq $0, x` and `before` an andq, orq or xorq into x (the test's own reading). */
const zeroCompareAfterLogic = (before: AnyNode | undefined, cmp: AnyNode): boolean => {
  const [left, right, dst] = [cmp.left as AnyNode | undefined, cmp.right as AnyNode | undefined, before?.dst as AnyNode | undefined];
  return cmp.kind === "Cmpq" && ["Andq", "Orq", "Xorq"].includes(before?.kind ?? "") && right?.kind === "Imm" && right.value === 0n && JSON.stringify(left) === JSON.stringify(dst);
};

/** Checks one program; returns how many compares went. */
function checkCompares(source: string): number {
  const [before, after] = compile(source, "generated.qs", { target: "x86_64", check: true, until: "drop-zero-compares" }).slice(-2).map((s) => (s.output as { blocks: Block[] }).blocks);
  let dropped = 0;
  before!.forEach((b, k) => {
    const kept = b.instrs.filter((instr, i) => !zeroCompareAfterLogic(b.instrs[i - 1], instr));
    dropped += b.instrs.length - kept.length;
    assert.equal(after![k]!.instrs, kept, `${b.label}: only the compares of a result with 0 go`);
    after![k]!.instrs.forEach((instr, i) => assert.not.ok(zeroCompareAfterLogic(after![k]!.instrs[i - 1], instr), `${b.label}: a compare of a result with 0 is left`));
  });
  return dropped;
}

compares("on generated programs and collatz: exactly the compares of an and, or or xor's result with 0 go, and some do", () => {
  let dropped = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) dropped += checkCompares(g.source);
  assert.ok(dropped >= 5, `only ${dropped} compares dropped in 200 programs`); // 7
  assert.ok(checkCompares(readFileSync(join(packageRoot, "bench", "collatz.qs"), "utf8")) >= 1, "collatz: n % 2 == 0, a mask, is tested without a compare");
});

compares.run();

// ---------------------------------------------------------------- use-conditional-moves

const selects = suite("use-conditional-moves: a branch whose arms only compute one variable becomes a cmov");

const arithmeticX86 = new Set(["Movq", "Addq", "Subq", "Imulq", "Andq", "Orq", "Xorq", "Negq", "Notq", "Salq", "Sarq", "Shrq", "LeaScaled"]);
const operandsOf = (i: AnyNode) => Object.values(i).filter((v): v is AnyNode => typeof v === "object" && v !== null && "kind" in v);
const varsOf = (i: AnyNode) => operandsOf(i).flatMap((o) => (o.kind === "Var" ? [o.name as string] : []));

/** The test's own reading of a diamond the pass should have taken: both arms short arithmetic
 * blocks that only this branch enters, going to one join, of which one variable is named elsewhere. */
function missedDiamonds(blocks: readonly Block[]): string[] {
  const byLabel = new Map(blocks.map((b) => [b.label, b]));
  const entered = new Map<string, number>();
  for (const b of blocks) for (const i of b.instrs) if (i.kind === "Jmp" || i.kind === "JmpIf") entered.set(i.target as string, (entered.get(i.target as string) ?? 0) + 1);
  const arm = (label: string) => {
    const b = byLabel.get(label);
    const body = b?.instrs.slice(0, -1) ?? [];
    const ok = b && entered.get(label) === 1 && !label.endsWith(".start") && b.instrs.at(-1)!.kind === "Jmp" && body.length <= 6 && body.every((i) => arithmeticX86.has(i.kind) && operandsOf(i).every((o) => o.kind === "Var" || o.kind === "Imm"));
    return ok ? { join: b.instrs.at(-1)!.target, vars: new Set(body.flatMap(varsOf)), body } : null;
  };
  const elsewhere = (name: string, not: string[]) => blocks.some((b) => !not.includes(b.label) && b.instrs.some((i) => varsOf(i).includes(name)));
  return blocks.flatMap((b) => {
    const [cmp, jcc, jmp] = b.instrs.slice(-3);
    if (cmp?.kind !== "Cmpq" || jcc?.kind !== "JmpIf" || jmp?.kind !== "Jmp") return [];
    const [x, y] = [arm(jcc.target as string), arm(jmp.target as string)];
    if (!x || !y || x.join !== y.join) return [];
    const shared = [...new Set([...x.vars, ...y.vars])].filter((v) => elsewhere(v, [jcc.target as string, jmp.target as string]));
    if (shared.length !== 1) return [];
    // Only one arm names it: that arm must read it in its first instruction naming it, or the block write it.
    const v = shared[0]!;
    const [named] = [x, y].filter((a) => a.vars.has(v));
    const first = named!.body.find((i) => varsOf(i).includes(v))!;
    const isV = (a: unknown) => JSON.stringify(a) === JSON.stringify({ kind: "Var", name: v });
    const onlyWrites = ["Movq", "LeaScaled"].includes(first.kind) && isV(first.dst) && !varsOf({ ...first, dst: null } as AnyNode).includes(v);
    return (x.vars.has(v) && y.vars.has(v)) || !onlyWrites || b.instrs.some((i) => isV(i.dst)) ? [b.label] : [];
  });
}

/** Checks one program on x86_64; returns how many branches became cmovs. */
function checkSelects(source: string): number {
  const [before, after] = compile(source, "generated.qs", { target: "x86_64", check: true, until: "use-conditional-moves" }).slice(-2).map((s) => (s.output as { blocks: Block[] }).blocks);
  const count = (blocks: Block[], kind: string) => blocks.reduce((n, b) => n + b.instrs.filter((i) => i.kind === kind).length, 0);
  const made = count(after!, "Cmov") - count(before!, "Cmov");
  assert.is(count(before!, "JmpIf") - count(after!, "JmpIf"), made, "each cmov replaces one j<cc>");
  assert.equal(missedDiamonds(after!), [], `a diamond of one variable is left:\n${source}`);
  return made;
}

selects("on generated programs, collatz and the sieve: every diamond of one variable goes, each for one cmov, and the hot branches do", () => {
  let made = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) made += checkSelects(g.source);
  assert.ok(made >= 5, `only ${made} branches became cmovs in 200 programs`);
  assert.is(checkSelects(readFileSync(join(packageRoot, "bench", "collatz.qs"), "utf8")), 1, "collatz: n / 2 or 3 * n + 1 by a cmov");
  assert.ok(checkSelects(readFileSync(join(packageRoot, "bench", "sieve.qs"), "utf8")) >= 1, "the sieve: `if a[k] { count += 1 }` by a cmov");
});

selects.run();
// ---------------------------------------------------------------- drop-division-checks

const divisions = suite("drop-division-checks: a division's guards go where the block shows the divisor is neither 0 nor -1");

/** Whether `i` is a zero check's jump (x86-64: the je after `cmpq $0, d`) or AArch64's cbz. */
const zeroCheck = (i: AnyNode) => (i.kind === "JmpIf" || i.kind === "Cbz") && i.target === "qn_division_by_zero";

/** Before and after the pass on one target: checks that it only drops guards (a zero check, or x86-64's -1 guard,
 * which becomes `movq d, divisor`), and counts the zero checks and -1 guards (`cmpq $-1, d`) before and after. */
function guardsOf(source: string, target: Target) {
  const [before, after] = compile(source, "generated.qs", { target, check: true, until: "drop-division-checks" }).slice(-2).map((s) => (s.output as { blocks: Block[] }).blocks) as [Block[], Block[]];
  const minusOne = (i: AnyNode) => i.kind === "Cmpq" && (i.right as AnyNode).kind === "Imm" && (i.right as AnyNode).value === -1n;
  // What is not a guard, nor a move (a guard is made of moves, and becomes one), stays as it was.
  const rest = (b: Block) => b.instrs.filter((i, j) => {
    const next = b.instrs[j + 1];
    const guard = zeroCheck(i) || (i.kind === "Cmpq" && next !== undefined && zeroCheck(next)) || minusOne(i) || i.kind === "Cmov" || i.kind === "Negq";
    return !guard && i.kind !== "Movq";
  });
  before.forEach((b, k) => assert.equal(rest(after[k]!).map(text), rest(b).map(text), `${target} ${b.label}: only guards change`));
  const count = (blocks: Block[], is: (i: AnyNode) => boolean) => blocks.flatMap((b) => b.instrs).filter(is).length;
  return { zero: [count(before, zeroCheck), count(after, zeroCheck)], minusOne: [count(before, minusOne), count(after, minusOne)] };
}

divisions("loops: both zero checks go on both targets, and on x86-64 the -1 guard of the divisor 1 to 256", () => {
  const loops = readFileSync(join(packageRoot, "bench", "loops.qs"), "utf8");
  assert.equal(guardsOf(loops, "x86_64"), { zero: [2, 0], minusOne: [2, 1] }, "x86_64: `a % (j | 1)` may divide by -1");
  assert.equal(guardsOf(loops, "aarch64"), { zero: [2, 0], minusOne: [0, 0] });
});

divisions("a divisor the block does not bound keeps its guards; on generated programs, only guards go, and some", () => {
  const kept = "fn main() {\n    let d = read_int()\n    let e = (d & 255) - 1\n    print(100 / d + 100 % e + 100 / (d | 2))\n}\n";
  assert.equal(guardsOf(kept, "x86_64"), { zero: [3, 3], minusOne: [3, 3] });
  assert.equal(guardsOf(kept, "aarch64"), { zero: [3, 3], minusOne: [0, 0] });
  for (const target of targets) {
    let dropped = 0;
    for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) {
      const { zero } = guardsOf(g.source, target);
      dropped += zero[0]! - zero[1]!;
    }
    assert.ok(dropped >= 3, `${target}: only ${dropped} zero checks dropped in 200 programs`);
  }
});

divisions.run();

// ---------------------------------------------------------------- inline-calls

const inline = suite("inline-calls: every call of a small function on no cycle of calls is inlined, and no other");

/** What the test knows of a program's calls independently of the pass: each function's size
 * (statements and tails), the functions it calls, and those on a cycle of calls. */
function callGraph(p: C.Program): { size: Map<string, number>; calls: Map<string, string[]>; recursive: Set<string> } {
  const size = new Map(p.defs.map((d) => [d.name, d.blocks.reduce((n, b) => n + b.stmts.length + 1, 0)] as const));
  const calls = new Map(p.defs.map((d) => {
    const list: string[] = [];
    forEachNode(Lcfg, d, (n) => void ((n.kind === "Call" || n.kind === "ReturnCall") && size.has(n.callee as string) && list.push(n.callee as string)));
    return [d.name, list] as const;
  }));
  const reaches = (from: string, to: string): boolean => {
    const [seen, todo] = [new Set<string>(), [...calls.get(from)!]];
    for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
      if (f === to) return true;
      if (!seen.has(f)) seen.add(f) && todo.push(...calls.get(f)!);
    }
    return false;
  };
  return { size, calls, recursive: new Set(p.defs.map((d) => d.name).filter((f) => reaches(f, f))) };
}

/** The programs before and after inline-calls. */
function inlined(source: string): [C.Program, C.Program] {
  return compile(source, "generated.qs", { target: "x86_64", check: true, until: "inline-calls" }).slice(-2).map((s) => s.output) as [C.Program, C.Program];
}

/** Checks what inline-calls did to one program; returns how many calls it inlined and how many recursive functions it has. */
function checkInlined(source: string): { inlined: number; recursive: number } {
  const [before, after] = inlined(source);
  const [was, is] = [callGraph(before), callGraph(after)];
  const labelPart = (f: string) => f.replace(/[^A-Za-z0-9_]/g, "_");
  let inlinedCalls = 0;
  for (const d of after.defs) {
    for (const g of is.calls.get(d.name)!) assert.ok(was.recursive.has(g) || is.size.get(g)! > inlineBudget, `${d.name} still calls ${g}, which is small and not recursive:\n${source}`);
    const labels = d.blocks.map((b) => b.label);
    for (const r of was.recursive) assert.not.ok(labels.some((l) => l.includes(`.${labelPart(r)}_`)), `${r} is recursive, but inlined into ${d.name}:\n${source}`);
    const sites = was.calls.get(d.name)!;
    const params = (f: string) => before.defs.find((x) => x.name === f)!.params.length;
    const bound = was.size.get(d.name)! + sites.reduce((n, g) => n + 2 * inlineBudget + params(g) + 1, 0);
    assert.ok(is.size.get(d.name)! <= bound, `${d.name} grew from ${was.size.get(d.name)} to ${is.size.get(d.name)} statements, more than ${bound}:\n${source}`);
    inlinedCalls += sites.length - is.calls.get(d.name)!.filter((g) => sites.includes(g)).length;
  }
  return { inlined: inlinedCalls, recursive: was.recursive.size };
}

inline("on generated programs: no call is left to a small function on no cycle, none to a recursive one is inlined, and each function grows within the bound", () => {
  let [inlined, recursive] = [0, 0];
  // With unions, the generator writes recursive functions too (folds over recursive unions).
  const generated = [...fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed }), ...fc.sample(programs({ unions: true }), { numRuns: 100, seed: quickRun.seed })];
  for (const g of generated) {
    const found = checkInlined(g.source);
    [inlined, recursive] = [inlined + found.inlined, recursive + found.recursive];
  }
  assert.ok(inlined >= 50 && recursive >= 5, `only ${inlined} calls inlined and ${recursive} recursive functions in 300 programs`);
});

inline("the benchmarks' small callees are inlined, fib and mutually recursive functions are not", () => {
  const bench = (name: string) => readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8");
  for (const name of ["function_calls", "method_calls", "calls8"]) {
    assert.is(checkInlined(bench(name)).inlined, 1, `${name}: its one call is inlined`);
    const [, after] = inlined(bench(name));
    assert.equal(callGraph(after).calls.get("main"), [], `${name}: main calls nothing`);
  }
  assert.is(checkInlined(bench("fib")).inlined, 0, "fib is recursive");
  const parity = "fn even(n: Int) -> Bool { if n == 0 { true } else { odd(n - 1) } }\nfn odd(n: Int) -> Bool { if n == 0 { false } else { even(n - 1) } }\n" +
    "fn twice(n: Int) -> Int { n * 2 }\nfn four(n: Int) -> Int { twice(twice(n)) }\nfn main() {\n    print(even(four(3)))\n}\n";
  const [, after] = inlined(parity);
  assert.is(checkInlined(parity).inlined, 3, "twice twice into four, four into main");
  assert.equal(callGraph(after).calls.get("main"), ["even"]);
  assert.equal(callGraph(after).calls.get("even"), ["odd"]);
});

inline.run();

// ---------------------------------------------------------------- forward-fields

const forward = suite("forward-fields: a field of an object the function made and gave to no one is read as its literal");

const isLiteral = (e: C.CExpr) => e.kind === "Int" || e.kind === "Bool";

/** Checks one program: only loads change, each to a literal its object was made with; none is left of an object made once and only loaded from. Returns how many changed. */
function checkForwarded(source: string): number {
  const [before, after] = compile(source, "generated.qs", { target: "x86_64", check: true, until: "forward-fields" }).slice(-2).map((s) => s.output) as [C.Program, C.Program];
  let forwarded = 0;
  after.defs.forEach((d, i) => {
    const news = new Map<string, C.New[]>();
    const assigned = new Map<string, number>();
    for (const b of before.defs[i]!.blocks) {
      for (const s of b.stmts) {
        if (s.kind !== "Assign") continue;
        assigned.set(s.name, (assigned.get(s.name) ?? 0) + 1);
        if (s.value.kind === "New") news.set(s.name, [...(news.get(s.name) ?? []), s.value]);
      }
    }
    d.blocks.forEach((b, j) => b.stmts.forEach((s, k) => {
      const old = before.defs[i]!.blocks[j]!.stmts[k]!;
      if (s === old) return;
      forwarded++;
      assert.ok(old.kind === "Assign" && old.value.kind === "Load" && old.value.index === null && s.kind === "Assign" && isLiteral(s.value), `${d.name}: only loads become literals:\n${source}`);
      const [load, value] = [(old as C.Assign).value as C.Load, (s as C.Assign).value as C.Int | C.Bool];
      const made = [...news.values()].flat().filter((n) => n.fields.some((f, at) => BigInt(fieldOffset(at)) === load.offset && isLiteral(f) && (f as C.Int).value === value.value));
      assert.ok(made.length > 0, `${d.name}: ${value.value} was stored at ${load.offset} by some new:\n${source}`);
    }));
    // An object made by one `new` and only loaded from (its variable given no other value): no load of a literal field of it is left.
    const uses = new Map<string, number>();
    const loads: C.Load[] = [];
    forEachNode(Lcfg, d, (n) => {
      if (n.kind === "Var") uses.set(n.name as string, (uses.get(n.name as string) ?? 0) + 1);
      if (n.kind === "Load") loads.push(n as unknown as C.Load);
    });
    const loadsOf = (name: string) => loads.filter((l) => l.base.kind === "Var" && l.base.name === name);
    for (const [name, [made, ...more]] of news) {
      if (more.length > 0 || assigned.get(name) !== 1 || d.params.includes(name) || uses.get(name) !== loadsOf(name).length) continue;
      for (const l of loadsOf(name)) {
        const field = made!.fields.find((_, at) => BigInt(fieldOffset(at)) === l.offset);
        assert.not.ok(l.index === null && (l.type === "Int" || l.type === "Bool") && field && isLiteral(field), `${d.name}: ${name}'s field at ${l.offset} is still loaded:\n${source}`);
      }
    }
  });
  return forwarded;
}

forward("on generated programs: loads become the literals their objects were made with, and none such is left", () => {
  let forwarded = 0;
  // (Most come from unions: a match on a value the function just made reads its tag and fields.)
  const generated = [...fc.sample(programs({ unions: false }), { numRuns: 100, seed: quickRun.seed }), ...fc.sample(programs({ unions: true }), { numRuns: 100, seed: quickRun.seed })];
  for (const g of generated) forwarded += checkForwarded(g.source);
  assert.ok(forwarded >= 50, `only ${forwarded} loads forwarded in 200 programs`);
});

forward("method_calls multiplies by 3 and adds 7; a Box set elsewhere, a record passed on and fields two news disagree on keep their loads", () => {
  const methods = readFileSync(join(packageRoot, "bench", "method_calls.qs"), "utf8");
  assert.is(checkForwarded(methods), 2);
  const main = (source: string) => (compile(source, "f.qs", { target: "x86_64", until: "fold-constants" }).at(-1)!.output as C.Program).defs.find((d) => d.name === "main")!;
  const text = JSON.stringify(main(methods), (_k, v: unknown) => (typeof v === "bigint" ? `${v}` : v));
  assert.not.ok(text.includes(`"Load"`), "main loads nothing");
  assert.ok(text.includes(`"op":"*","right":{"kind":"Int","value":"3"`) && text.includes(`"op":"+","right":{"kind":"Int","value":"7"`));
  const kept = [
    "fn bump(b: Box[Int], n: Int) { if n > 0 { b.set(b.get() + 1)\n bump(b, n - 1) } }\nfn main() {\n    let b = Box(1)\n    bump(b, 3)\n    print(b.get())\n}\n",
    "record P { x: Int, y: Int }\nfn show(p: P, n: Int) { if n > 0 { print(p.x)\n show(p, n - 1) } }\nfn main() {\n    let p = P { x: 1, y: 2 }\n    show(p, 2)\n    print(p.y)\n}\n",
    "record P { x: Int, y: Int }\nfn main() {\n    let mut p = P { x: 1, y: 2 }\n    if read_int() > 0 { p = P { x: 3, y: 2 } }\n    print(p.x)\n}\n",
  ];
  for (const source of kept) assert.is(checkForwarded(source), 0, source);
  const copied = "record P { x: Int, y: Int }\nfn main() {\n    let mut p = P { x: 1, y: 2 }\n    if read_int() > 0 { p = P { x: 3, y: 2 } }\n    let q = p\n    print(q.y)\n}\n";
  assert.is(checkForwarded(copied), 1, "y is 2 in both, through the copy");
  const arms = "union U { A(n: Int), B(f: Bool) }\nfn main() {\n    let u = A(3)\n    match u {\n        A(n) => print(n),\n        B(f) => print(!f),\n    }\n}\n";
  const [, after] = compile(arms, "f.qs", { target: "x86_64", check: true, until: "fold-constants" }).slice(-2).map((s) => s.output) as [C.Program, C.Program];
  const loads: string[] = [];
  forEachNode(Lcfg, after, (n) => void (n.kind === "Load" && loads.push((n as unknown as C.Load).type)));
  assert.equal(loads, ["Bool"], "B's arm, which never runs, keeps its load of a Bool; the tag and A's n are known");
});

forward.run();

// ---------------------------------------------------------------- the table of `npm run bench -- opt`

const table = suite("spec/optimisations.md holds the table `npm run bench -- opt` writes (its shape, never its figures)");

table("between its markers, a table per target: a column per optimisation left out, a row per benchmark", () => {
  const page = readFileSync(optDoc, "utf8");
  const [begin, end] = [page.indexOf(markers.begin), page.indexOf(markers.end)];
  assert.ok(begin >= 0 && end > begin, "the markers are there, in order");
  const lines = page.slice(begin, end).split("\n");
  for (const target of targets) {
    const head = tableHead(target);
    const at = lines.indexOf(head[0]!);
    assert.ok(at >= 0 && lines[at + 1] === head[1], `${target}: the header ${head[0]}`);
    const rows: string[] = [];
    for (let i = at + 2; lines[i]?.startsWith("|"); i++) rows.push(lines[i]!);
    assert.equal(rows.map((r) => r.split("|")[1]!.trim()), benchmarks(), `${target}: a row per benchmark`);
    for (const r of rows) assert.match(r, new RegExp(`^\\| \\w+ \\|${" \\d+ \\|".repeat(columnsOf(target).length)}$`), `${target}: a figure per column`);
  }
  assert.ok(columnsOf("x86_64").includes("without inline-calls"), "inline-calls is one of the optimisations left out");
});

table("betweenMarkers replaces what is between the markers and nothing else", () => {
  const page = `a\n${markers.begin}\nold\n${markers.end}\nb\n`;
  assert.is(betweenMarkers(page, "new"), `a\n${markers.begin}\nnew\n${markers.end}\nb\n`);
  assert.throws(() => betweenMarkers("no markers", "new"));
});

table.run();

// ---------------------------------------------------------------- step-pointers

const pointed = suite("step-pointers: a loop's word at its counter plus a fixed index is reached through a pointer stepped with the counter");

/** A program's loads and stores, in order, each with its function. */
function accessesOf(p: A.Program): (A.Load | A.Store)[] {
  const found: (A.Load | A.Store)[] = [];
  forEachNode(Lalloc, p, (n) => void ((n.kind === "Load" || n.kind === "Store") && found.push(n as unknown as A.Load | A.Store)));
  return found;
}

/** The programs before and after `pass` (a pass of the end of the front end, on Lalloc). */
function aroundLalloc(source: string, pass: string): [A.Program, A.Program] {
  return compile(source, "generated.qs", { target: "x86_64", check: true, until: pass }).slice(-2).map((s) => s.output) as [A.Program, A.Program];
}

/** Checks one program: accesses change only from a word at an index to a word at a new pointer and an offset; returns how many did. */
function checkPointed(source: string): number {
  const [before, after] = aroundLalloc(source, "step-pointers");
  const [was, now] = [accessesOf(before), accessesOf(after)];
  assert.is(now.length, was.length, "as many loads and stores");
  const assigned = (p: A.Program) => new Set(p.defs.flatMap((d) => d.blocks.flatMap((b) => b.stmts.flatMap((s) => (s.kind === "Assign" ? [s.name] : [])))));
  const old = assigned(before);
  let changed = 0;
  was.forEach((a, i) => {
    const b = now[i]!;
    if (b === a || JSON.stringify(b, (_, v) => (typeof v === "bigint" ? String(v) : v)) === JSON.stringify(a, (_, v) => (typeof v === "bigint" ? String(v) : v))) return;
    changed++;
    assert.is(a.size, 8n, `only a word access changes:\n${source}`);
    assert.ok(b.index === null && b.size === null && b.base.kind === "Var" && b.base.name.startsWith("pointer.") && !old.has(b.base.name), `it reads a new pointer, without an index:\n${source}`);
    assert.ok(b.offset >= a.offset, "at an offset no less than the element's");
  });
  return changed;
}

pointed("on generated programs: only word accesses at an index change, each to a new pointer and an offset; some do", () => {
  let changed = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) changed += checkPointed(g.source);
  assert.ok(changed >= 8, `only ${changed} accesses through pointers in 200 programs`);
});

pointed("matrix: the inner loop reads both arrays through pointers, and after drop-dead-code computes no index and multiplies once", () => {
  const source = readFileSync(join(packageRoot, "bench", "matrix.qs"), "utf8");
  assert.ok(checkPointed(source) >= 2);
  const [, after] = aroundLalloc(source, "drop-dead-code");
  const inner = after.defs[0]!.blocks.find((b) => b.tail.kind === "Branch" && b.tail.then === b.label && b.stmts.filter((s) => s.kind === "Assign" && s.value.kind === "Load").length === 2)!;
  assert.ok(inner, "a loop of one block that loads twice");
  const loads = inner.stmts.flatMap((s) => (s.kind === "Assign" && s.value.kind === "Load" ? [s.value] : []));
  assert.ok(loads.every((l) => l.index === null), "no load at an index");
  const products = inner.stmts.filter((s) => s.kind === "Assign" && s.value.kind === "Binary" && s.value.op === "*");
  assert.is(products.length, 1, "one multiplication: the elements'");
  assert.is(inner.stmts.length, 7, "the counter's step, two pointers' steps, two loads, the product and the sum");
});

pointed("an index read elsewhere too, and an element of an array of Bool, keep their index", () => {
  const source = ["fn main() {", "    let a = array(10, 3)", "    let f = array(10, true)", "    let mut s = 0", "    for k in 0..10 {", "        s += a[k] * k", "        if f[k] { s += 1 }", "    }", "    print(s)", "}"].join("\n");
  assert.is(checkPointed(source), 0);
});

pointed.run();

// ---------------------------------------------------------------- drop-dead-code

const dead = suite("drop-dead-code: no assignment is left whose value nothing needs; nothing else goes");

/** Each block's statements of `after` are those of `before` with some pure assignments left out; returns how many went. */
function checkDropped(source: string): number {
  const [before, after] = aroundLalloc(source, "drop-dead-code");
  let dropped = 0;
  after.defs.forEach((d, i) => {
    const reads = new Set<string>();
    forEachNode(Lalloc, d, (n) => void ((n.kind === "Var" || n.kind === "Inc" || n.kind === "Release") && reads.add(n.name as string)));
    d.blocks.forEach((b, j) => {
      const old = before.defs[i]!.blocks[j]!;
      let at = 0;
      for (const s of old.stmts) {
        if (b.stmts[at] === s) { at++; continue; }
        dropped++;
        assert.ok(s.kind === "Assign" && ["Int", "Bool", "Var", "Binary", "Unary", "Load", "Str", "Unit", "StaticClosure", "FunRef"].includes(s.value.kind), `only assignments of values go:\n${source}`);
        if (s.kind === "Assign" && s.value.kind === "Binary") assert.not.ok(s.value.op === "/" || s.value.op === "%", "a division may panic: it stays");
      }
      assert.is(at, b.stmts.length, `${b.label}: the statements kept are the old ones, in order`);
      for (const s of b.stmts) if (s.kind === "Assign" && s.value.kind !== "Call" && s.value.kind !== "Prim" && s.value.kind !== "Receive" && s.value.kind !== "Alloc" && s.value.kind !== "AllocArray" && !(s.value.kind === "Binary" && (s.value.op === "/" || s.value.op === "%"))) assert.ok(reads.has(s.name), `${d.name}: ${s.name} is assigned a value and read nowhere:\n${source}`);
    });
  });
  return dropped;
}

dead("on generated programs: what goes is pure assignments; no pure assignment is left whose variable nothing reads", () => {
  let dropped = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) dropped += checkDropped(g.source);
  assert.ok(dropped >= 20, `only ${dropped} assignments dropped in 200 programs`);
});

dead("a counter only its own step reads goes; an unread division stays", () => {
  const source = ["fn main() {", "    let mut waste = 0", "    let mut s = 0", "    let d = array(1, 0)", "    for k in 0..10 {", "        waste = waste + 7", "        let q = k / d[0]", "        s += k", "    }", "    print(s)", "}"].join("\n");
  checkDropped(source);
  const [before, after] = aroundLalloc(source, "drop-dead-code");
  const steps = (p: A.Program) => p.defs[0]!.blocks.flatMap((b) => b.stmts.filter((s) => s.kind === "Assign" && s.name.startsWith("waste.")));
  const divisions = (p: A.Program) => p.defs[0]!.blocks.flatMap((b) => b.stmts.filter((s) => s.kind === "Assign" && s.value.kind === "Binary" && s.value.op === "/"));
  assert.ok(steps(before).length >= 2, "waste is set and stepped before");
  assert.is(steps(after).length, 0, "and not after");
  assert.is(divisions(after).length, divisions(before).length);
  assert.ok(divisions(after).length >= 1);
});

dead.run();

// ---------------------------------------------------------------- fuse-multiply-add

const fused = suite("fuse-multiply-add (aarch64): a product only added to a value is a madd");

/** Reads of each variable in one function's blocks (the test's own count: any operand but a destination). */
function readsOfVariables(blocks: readonly Block[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const b of blocks) for (const i of b.instrs) for (const [field, v] of Object.entries(i)) {
    if (field !== "dst" && typeof v === "object" && v !== null && (v as AnyNode).kind === "Var") count.set((v as AnyNode).name as string, (count.get((v as AnyNode).name as string) ?? 0) + 1);
  }
  return count;
}

/** Checks one program; returns how many products were fused. */
function checkFused(source: string, name: string): number {
  const [before, after] = compile(source, name, { target: "aarch64", check: true, until: "fuse-multiply-add" }).slice(-2).map((s) => (s.output as { blocks: Block[] }).blocks);
  const count = (blocks: readonly Block[], kinds: string[]) => blocks.reduce((n, b) => n + b.instrs.filter((i) => kinds.includes(i.kind)).length, 0);
  const fusedHere = count(after!, ["Madd", "Msub"]) - count(before!, ["Madd", "Msub"]);
  assert.is(count(before!, ["Mul"]) - count(after!, ["Mul"]), fusedHere, `${name}: each mul that went became one madd or msub`);
  assert.is(count(before!, ["Add", "Sub"]) - count(after!, ["Add", "Sub"]), fusedHere, `${name}: and took one add or sub with it`);
  // None left of the simplest kind: a mul into t right before an add of t, t read nowhere else in the function.
  for (const f of blocksByFunction(after!)) {
    const reads = readsOfVariables(f.blocks);
    for (const b of f.blocks) b.instrs.forEach((i, k) => {
      const next = b.instrs[k + 1];
      const t = (i.dst as AnyNode | undefined)?.kind === "Var" ? ((i.dst as AnyNode).name as string) : null;
      const readsT = (a: unknown) => (a as AnyNode).kind === "Var" && (a as AnyNode).name === t;
      if (i.kind === "Mul" && t !== null && reads.get(t) === 1 && next?.kind === "Add" && readsT(next.left) !== readsT(next.right) && ["Var", "Reg"].includes(((readsT(next.left) ? next.right : next.left) as AnyNode).kind)) assert.unreachable(`${name} ${b.label}: a product added at once is left: ${JSON.stringify(i, (_, x) => (typeof x === "bigint" ? `${x}` : x))}`);
    });
  }
  return fusedHere;
}

fused("on generated programs, loops and matrix: each fused mul takes one add or sub with it, none is missed next to its add, and some are fused", () => {
  let total = 0;
  for (const g of fc.sample(programs({ unions: false }), { numRuns: 200, seed: quickRun.seed })) total += checkFused(g.source, "generated.qs");
  assert.ok(total >= 5, `only ${total} products fused in 200 programs`);
  for (const name of ["loops", "matrix"]) assert.ok(checkFused(readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8"), `${name}.qs`) >= 1, `${name}: its sum of products is a madd`);
});

fused.run();

// ---------------------------------------------------------------- reuse-loads

const reused = suite("reuse-loads: a load of a word a variable still holds becomes a copy of that variable");

type AllocBlock = A.BasicBlock;
const placeText = (l: A.Load) => JSON.stringify([l.base, l.offset, l.size, l.index, l.type], (k, v) => (k === "loc" ? undefined : typeof v === "bigint" ? `${v}` : v));
/** The test's own reading of what may write memory: anything but an assignment of an atom, an operator or a load, and an index check. */
const mayWrite = (s: A.CStmt) => s.kind !== "CheckIndex" && !(s.kind === "Assign" && ["Var", "Int", "Bool", "Unit", "Str", "StaticClosure", "FunRef", "Binary", "Unary", "Load"].includes(s.value.kind));

/** Whether `holder` holds the word `load` reads at statement k of block b: looking back from it, through blocks of one way in. */
function holds(def: A.Def, b: AllocBlock, k: number, load: A.Load, holder: string): boolean {
  const names = [holder, (load.base as A.Var).name, ...(load.index?.kind === "Var" ? [load.index.name] : [])];
  const into = (label: string) => def.blocks.filter((x) => successors(x.tail).includes(label));
  for (let block = b, at = k; ; ) {
    for (let i = at - 1; i >= 0; i--) {
      const s = block.stmts[i]!;
      if (s.kind === "Assign" && s.name === holder) return s.value.kind === "Load" && placeText(s.value) === placeText(load);
      if (mayWrite(s) || (s.kind === "Assign" && names.includes(s.name))) return false;
    }
    const from = into(block.label);
    if (from.length !== 1 || block === def.blocks[0]) return false;
    [block, at] = [from[0]!, from[0]!.stmts.length];
  }
}

/** Checks one program; returns how many loads became copies. */
function checkReused(source: string, name: string): number {
  const [before, after] = compile(source, name, { target: "x86_64", check: true, until: "reuse-loads" }).slice(-2).map((s) => s.output as A.Program);
  let count = 0;
  before!.defs.forEach((def, d) => def.blocks.forEach((b, j) => b.stmts.forEach((s, k) => {
    const now = after!.defs[d]!.blocks[j]!.stmts[k]!;
    if (JSON.stringify(now, (_, v) => (typeof v === "bigint" ? `${v}` : v)) === JSON.stringify(s, (_, v) => (typeof v === "bigint" ? `${v}` : v))) return;
    count++;
    assert.ok(s.kind === "Assign" && s.value.kind === "Load" && now.kind === "Assign" && now.name === s.name && now.value.kind === "Var", `${name} ${b.label}: only a load becomes a copy`);
    assert.ok(holds(def, b, k, (s as A.Assign).value as A.Load, ((now as A.Assign).value as A.Var).name), `${name} ${b.label}: ${((now as A.Assign).value as A.Var).name} holds the word ${s.kind === "Assign" ? s.name : ""} loaded`);
  })));
  return count;
}

reused("on generated programs and eval: only loads become copies, each of a variable that holds the word (the test's own reading, looking back), and eval's match reads each tag once", () => {
  let total = 0;
  for (const g of fc.sample(programs({ unions: true }), { numRuns: 200, seed: quickRun.seed })) total += checkReused(g.source, "generated.qs");
  assert.ok(total >= 20, `only ${total} loads reused in 200 programs`);
  const source = readFileSync(join(packageRoot, "bench", "eval.qs"), "utf8");
  assert.ok(checkReused(source, "eval.qs") >= 2, "eval: the tag tests after the first reuse its load");
  const evalDef = (compile(source, "eval.qs", { target: "x86_64", until: "reuse-loads" }).at(-1)!.output as A.Program).defs.find((d) => d.name === "eval")!;
  const tagLoads = evalDef.blocks.flatMap((b) => b.stmts).filter((s) => s.kind === "Assign" && s.value.kind === "Load" && s.value.offset === 16n);
  assert.is(tagLoads.length, 1, "eval's match loads the tag once");
});

reused.run();
