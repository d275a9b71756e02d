// Reference counting: what the outputs of the golden programs cannot show.
// The heap model catches a count that is too low (a use after free) and one
// too high (a leak), so a dropped `dec` or `inc` fails the properties; the
// counts insert-refcounts writes have no redundant inc/dec pair on
// straight-line code; freeing a long chain takes no JavaScript stack; and a
// cycle through a Box is the one leak, and the leak check reports it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type * as Rc from "../ir-defs/generated/Lrc.js";
import type * as G from "../ir-defs/generated/Lguarded.js";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import { targets } from "../ir-defs/targets.js";
import { backEnds, frontEnd } from "../passes/pipeline.js";
import { checkMade, checkPasses, compile, firstBad, throwIfBroken, type Step } from "../driver/driver.js";
import { Lrc } from "../ir-defs/lrc.js";
import { arrayInfo, fieldsInfo } from "../ir-defs/heap-layout.js";
import { BeyondTheModel, Heap } from "../interp/heap.js";
import { interpreterFor } from "../interp/index.js";
import { outputLimit } from "../interp/runtime-model.js";
import { ilName } from "../il/pass.js";
import { loadGoldens } from "./golden-programs.js";

const goldens = loadGoldens();
const heapGoldens = goldens.filter((g) => /record|tuple|array|string|box|bounds/.test(g.name));
const lrcOf = (steps: Step[]) => steps.find((s) => s.pass.name === "insert-refcounts")!.output as Rc.Program;
const compileFront = (source: string) => compile(source, "test.qs", { target: "x86_64", check: true, until: "expose-allocation" });

/** Every statement of an Lrc program, by block. */
const blocksOf = (p: Rc.Program) => p.defs.flatMap((d) => d.blocks);

const t = suite("reference counts");

t("the heap model reports a use after free and a count taken below zero", () => {
  const heap = new Heap();
  const p = heap.alloc(24n, fieldsInfo("0"));
  heap.release(p);
  assert.throws(() => heap.load(p + 16n), /freed/);
  assert.throws(() => heap.release(p), /freed/);
  assert.equal(heap.live(), { objects: 0, bytes: 0 });
});

t("freeing a chain of a million objects uses no JavaScript stack and leaves nothing live", () => {
  const heap = new Heap();
  let next = heap.alloc(24n, fieldsInfo("0"));
  for (let i = 0; i < 1_000_000; i++) {
    const p = heap.alloc(24n, fieldsInfo("1"));
    heap.store(p + 16n, next);
    next = p;
  }
  assert.is(heap.live().objects, 1_000_001);
  heap.release(next);
  assert.equal(heap.live(), { objects: 0, bytes: 0 });
});

t("freeing an array of a million references releases each (none pushed as a call's million arguments: that overflowed JavaScript's stack)", () => {
  const heap = new Heap(true);
  const element = heap.alloc(24n, fieldsInfo("0"));
  const array = heap.allocArray(1_000_000n, element, arrayInfo("1", 8n));
  heap.release(element); // (the array holds it a million times)
  assert.is(heap.live().objects, 2);
  heap.release(array);
  assert.equal(heap.live(), { objects: 0, bytes: 0 });
});

// (Only programs that end by returning from main: after a panic or exit, nothing counts as a leak.)
for (const g of heapGoldens.filter((x) => x.status === 0)) {
  t(`${g.name}: dropping any one dec leaks, dropping any one inc frees too early`, () => {
    const steps = compileFront(g.source);
    const lrc = lrcOf(steps);
    const run = interpreterFor("Lrc")!;
    const total = blocksOf(lrc).flatMap((b) => b.stmts).filter((s) => s.kind === "Inc" || s.kind === "Dec").length;
    let tried = 0;
    for (const [d, def] of lrc.defs.entries()) {
      for (const [b, block] of def.blocks.entries()) {
        for (const [i, s] of block.stmts.entries()) {
          if (s.kind !== "Inc" && s.kind !== "Dec") continue;
          const stmts = block.stmts.filter((_, j) => j !== i);
          const blocks = def.blocks.map((x, k) => (k === b ? { ...x, stmts } : x));
          const broken = { ...lrc, defs: lrc.defs.map((x, k) => (k === d ? { ...x, blocks } : x)) };
          let caught: boolean;
          try {
            const o = run(broken, { stdin: g.stdin });
            caught = (o.live != null && o.live.objects > 0) || o.stdout !== g.stdout || o.panic !== g.panic;
          } catch (e) {
            caught = /freed|zero|not a reference|off by/.test((e as Error).message);
          }
          // A statement on a path the program never takes, or takes only while the variable holds
          // a union's immediate (which has no count), cannot be caught by running it.
          if (!caught) assert.ok(!reached(lrc, d, b, i, g.stdin), `${g.name}: without \`${s.kind === "Inc" ? "inc" : "dec"} ${s.name}\` in ${block.label} nothing is wrong`);
          tried++;
        }
      }
    }
    assert.is(tried, total);
  });
}

/** Whether statement i (an inc or a dec) of block b of function d runs with an object in its variable (not
 * a union's immediate: an odd word): the program with a panic put there, behind that test, panics there. */
function reached(lrc: Rc.Program, d: number, b: number, i: number, stdin: string): boolean {
  const marker: Rc.Do = { kind: "Do", expr: { kind: "Prim", op: "panic", args: [{ kind: "Str", value: "reached" }] } };
  const split = (def: Rc.Def, x: Rc.BasicBlock): Rc.BasicBlock[] => {
    const name = (x.stmts[i] as Rc.Inc | Rc.Dec).name;
    const [hit, rest] = [`${def.name}.probehit`, `${def.name}.proberest`];
    const low: Rc.Assign = { kind: "Assign", name: "probe.0", value: { kind: "Binary", op: "&", left: { kind: "Int", value: 1n }, right: { kind: "Var", name } } };
    return [
      { ...x, stmts: [...x.stmts.slice(0, i), low], tail: { kind: "Branch", left: { kind: "Var", name: "probe.0" }, op: "==", right: { kind: "Int", value: 0n }, then: hit, else: rest } },
      { kind: "BasicBlock", label: hit, stmts: [marker], tail: { kind: "Goto", target: rest } },
      { kind: "BasicBlock", label: rest, stmts: x.stmts.slice(i), tail: x.tail },
    ];
  };
  const defs = lrc.defs.map((def, k) => (k !== d ? def : { ...def, blocks: def.blocks.flatMap((x, j) => (j === b ? split(def, x) : [x])) }));
  return interpreterFor("Lrc")!({ ...lrc, defs }, { stdin }).panic === "reached";
}

t("no inc of a variable is followed by a dec of it in the same block with no use between", () => {
  for (const g of heapGoldens) {
    for (const block of blocksOf(lrcOf(compileFront(g.source)))) {
      block.stmts.forEach((s, i) => {
        if (s.kind !== "Inc") return;
        const j = block.stmts.findIndex((u, k) => k > i && u.kind === "Dec" && u.name === s.name);
        if (j < 0) return;
        const between = block.stmts.slice(i + 1, j);
        const used = between.some((u) => JSON.stringify(u, (_, v) => (typeof v === "bigint" ? String(v) : v)).includes(`"name":"${s.name}"`));
        assert.ok(used, `${g.name}, ${block.label}: inc ${s.name} then dec ${s.name} with nothing between`);
      });
    }
  }
});

t("a Box that holds itself leaks, and only that: the leak check counts it", () => {
  const source = 'fn main() {\n    let b = Box("x")\n    print(b.get())\n}\n';
  const steps = compileFront(source);
  assert.is(firstBad(checkMade(steps))?.explanation ?? null, null);
  // Make the cycle by hand (no Box can hold itself: only a union can be that recursive): just before b dies, its field gets b.
  const lrc = lrcOf(steps);
  const main = lrc.defs[0]!;
  const b = main.refs.find((r) => r.startsWith("b."))!;
  const box: Rc.Var = { kind: "Var", name: b };
  const cycle: Rc.CStmt[] = [
    { kind: "Inc", name: b },
    { kind: "Assign", name: "old.0", value: { kind: "Load", base: box, offset: 16n, size: null, index: null, type: "Ref" } },
    { kind: "Store", base: box, offset: 16n, size: null, index: null, value: box },
    { kind: "Dec", name: "old.0" },
  ];
  const blocks = main.blocks.map((block) => {
    const at = block.stmts.findIndex((s) => s.kind === "Dec" && s.name === b);
    return at < 0 ? block : { ...block, stmts: [...block.stmts.slice(0, at), ...cycle, ...block.stmts.slice(at)] };
  });
  const looped = { ...lrc, defs: [{ ...main, blocks }] };
  const o = interpreterFor("Lrc")!(looped);
  assert.is(o.stdout, "x\n");
  assert.equal(o.live, { objects: 1, bytes: 24 });
  // The rest of the pipeline, every IL's interpreter finding the same leak, and the binary's own leak check, on both targets.
  const dir = mkdtempSync(join(tmpdir(), "qnano-cycle-"));
  try {
    for (const target of targets) {
      let program: unknown = null;
      const start = { program: looped, il: Lrc, check: false, context: { file: "cycle.qs", source } };
      for (const step of checkPasses(start, [...frontEnd.slice(frontEnd.findIndex((p) => p.name === "insert-refcounts") + 1), ...backEnds[target]])) {
        throwIfBroken(step);
        if (step.outcome) assert.equal([step.outcome.stdout, step.outcome.live], ["x\n", { objects: 1, bytes: 24 }], `${target} ${step.pass.name}`);
        program = step.output;
      }
      const exe = join(dir, `cycle.${target}`);
      assembleAndLink(program as string, target, exe);
      const run = runBinary(exe, target, { env: { QNANO_LEAK_CHECK: "1" } });
      assert.is(run.stdout, "x\n", `${target} stdout`);
      assert.is(run.stderr, "leak check: 1 objects, 24 bytes live\n", `${target} leak check`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// spec/heap.md, "Unions": with exactly one constructor without fields, that
// constructor's test is the low-bit test, so a match tests the bit once.
const lowBitTests = (source: string, fn: string) => {
  const steps = compile(source, "test.qs", { target: "x86_64", check: true, until: "skip-known-tests" });
  const def = (steps.at(-1)!.output as G.Program).defs.find((d) => d.name === fn)!;
  const stmts = def.blocks.flatMap((b) => b.stmts);
  const masks = stmts.filter((s) => s.kind === "Assign" && s.value.kind === "Binary" && s.value.op === "&");
  const tags = stmts.filter((s) => s.kind === "Assign" && s.value.kind === "Load" && s.value.offset === 16n);
  const branches = def.blocks.filter((b) => b.tail.kind === "Branch");
  return { branches: branches.length, masks: masks.length, tags: tags.length, outcome: firstBad(checkMade(steps))?.explanation ?? null };
};
const matchOver = (ctors: string, arms: string) =>
  `union E { ${ctors} }\nfn f(e: E) -> Int {\n    match e { ${arms} }\n}\nfn main() {\n    print(f(Add(Num(2), Var)))\n}\n`;

t("a program's own cycle through a Box is its leak, not a pass's: every step agrees, and counts what it keeps; a dec missing there is still a leak", () => {
  // Found by `qnano fuzz --seed 70707`, which blamed insert-refcounts: b holds link, which holds b.
  const source = 'union Chain { End, Link(label: String, next: Box[Chain]) }\n\nfn main() {\n    let b = Box(End)\n    let link = Link("", b)\n    b.set(link)\n}\n';
  const checked = [...checkMade(compileFront(source))];
  assert.is(firstBad(checked)?.explanation ?? null, null);
  const counted = checked.filter((s) => s.outcome?.live);
  assert.ok(counted.length >= 3, "the ILs from Lrc on count references");
  for (const s of counted) assert.equal([s.outcome!.live, s.outcome!.cycles, s.verdict.kind], [{ objects: 2, bytes: 56 }, true, "agrees"], s.pass.name);
  // The same program with its last dec (of b) dropped: b's count is one more than link's reference to it.
  const lrc = lrcOf(checked);
  const main = lrc.defs[0]!;
  const last = main.blocks.flatMap((b) => b.stmts).filter((s) => s.kind === "Dec").at(-1)!;
  const dropped = { ...lrc, defs: [{ ...main, blocks: main.blocks.map((b) => ({ ...b, stmts: b.stmts.filter((s) => s !== last) })) }] };
  const [step] = [...checkMade([{ pass: { name: "dropped", from: Lrc, to: Lrc, purpose: "", run: (p: unknown) => p }, output: dropped, ms: 0 }])];
  assert.equal([step!.outcome!.cycles, step!.verdict.kind], [undefined, "leaks"]);
});

t("a match over n constructors, one without fields, makes n - 1 tests: the low bit once, then tag words", () => {
  const one = lowBitTests(matchOver("Var, Num(n: Int), Add(a: E, b: E), Neg(e: E)", "Var => 1, Num(n) => n, Add(a, b) => f(a) + f(b), Neg(x) => 0 - f(x)"), "f");
  assert.equal(one, { branches: 3, masks: 1, tags: 2, outcome: null });
  // Two constructors without fields: each is compared with its immediate, then the pointer test (once).
  const two = lowBitTests(matchOver("Var, Zero, Num(n: Int), Add(a: E, b: E)", "Var => 1, Zero => 0, Num(n) => n, Add(a, b) => f(a) + f(b)"), "f");
  assert.equal(two, { branches: 4, masks: 1, tags: 1, outcome: null });
});

// Found by `qnano fuzz --seed 777`: guard-immediate-counts and expand-decrements cut a block
// at each inc or dec by recursion on the rest of the block (a copy of it each time): a block of
// a few thousand ran out of JavaScript stack, or of memory. They loop now.
t("a block of 5,000 guarded counts, and one of 5,000 decs, is cut at each of them", () => {
  const labelsOf = (lines: string, decls = "") => {
    const source = `${decls}fn main() {\n    let mut u = ${decls ? "A" : "0"}\n    let mut s = ""\n${lines}\n    print(len(s))\n}\n`;
    const steps = compile(source, "test.qs", { target: "x86_64", until: "expand-decrements" });
    return (steps.at(-1)!.output as { defs: { name: string; blocks: { label: string }[] }[] }).defs.find((d) => d.name === "main")!.blocks.map((b) => b.label);
  };
  const times = (line: string) => Array.from({ length: 5000 }, () => line).join("\n");
  const guarded = labelsOf(times("    u = B(1)"), "union U { A, B(x: Int) }\n");
  assert.ok(guarded.filter((l) => /^main\.after\d+$/.test(l)).length >= 5000, "guard-immediate-counts: a block after each guarded count");
  const decs = labelsOf(times('    s = s + "!"'));
  assert.ok(decs.filter((l) => /^main\.keep\d+$/.test(l)).length >= 5000, "expand-decrements: a keep block for each dec");
});

t.run();

const beyond = suite("what the models cannot hold: a run gives up, and says so, instead of crashing");

/** The source's interpreter, the first Lcfg-family one that counts references (Lrc) and the last of the x86-64 machine models, on `source`. */
function threeRuns(source: string) {
  const steps = compile(source, "test.qs", { target: "x86_64" }).filter((s) => typeof s.pass.to !== "string");
  const chosen = [steps[0]!, steps.find((s) => ilName(s.pass.to) === "Lrc")!, steps.at(-1)!];
  return chosen.map((s) => ({ il: ilName(s.pass.to), run: () => interpreterFor(ilName(s.pass.to))!(s.output) }));
}

beyond("past 64 MiB of output a run ends as out of fuel, what it printed before kept (a longer and longer line overflowed a JavaScript string)", () => {
  const line = 1 << 20; // a line of 1 MiB, printed until the limit is passed
  const source = `fn main() {\n    let mut s = "x"\n    for i in 0..20 {\n        s = s + s\n    }\n    for i in 0..100 {\n        print(s)\n    }\n}\n`;
  const kept = Math.floor(outputLimit / (line + 1));
  for (const { il, run } of threeRuns(source)) {
    const outcome = run();
    assert.ok(outcome.outOfFuel, `${il}: out of fuel`);
    assert.is(outcome.stdout.length, kept * (line + 1), `${il}: ${kept} lines kept`);
  }
});

beyond("a string longer than the model holds gives up (BeyondTheModel), on every kind of interpreter", () => {
  const source = `fn main() {\n    let mut s = "ab"\n    for i in 0..40 {\n        s = s + s\n    }\n    print(len(s))\n}\n`;
  for (const { il, run } of threeRuns(source)) assert.throws(run, (e: unknown) => e instanceof BeyondTheModel && /string of 134217728 characters/.test((e as Error).message), il);
});

beyond.run();
