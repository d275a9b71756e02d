// The explorer's data, computed once per file: printed lines with their source
// lines, the changed marks, the semantics marks, and the line diff.
import { createHash } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diffLines, limits } from "../explorer-tui/diff.js";
import { interleave, partners, wordMarks } from "../explorer-tui/diff-words.js";
import { highlight } from "../explorer-tui/highlight.js";
import { printLines } from "../explorer-tui/print-lines.js";
import type { Event } from "../explorer-tui/state.js";
import { startTrace } from "../explorer-tui/trace-client.js";
import { buildTrace, emptyTrace } from "../explorer-tui/trace.js";
import { assemblyLines, type StepView } from "../explorer-tui/step-view.js";
import { grammarLines } from "../explorer-tui/grammar-lines.js";
import { difference, interpreted, keptOutput, marker, maxOutput, runProgram, runSharer, sameRun, type Job, type Mark, type Run, type StepVerdict } from "../explorer-tui/marks.js";
import type { IL } from "../il/define.js";
import { maxCallDepth, type Outcome } from "../interp/runtime-model.js";
import { sameTerm } from "../il/node.js";
import { runAlike, runInput } from "../interp/index.js";
import { fit } from "../explorer-tui/text.js";
import { displayWidth } from "../front-end/display.js";
import { compile, type Step } from "../driver/driver.js";
import { printNode } from "../il/print.js";
import { goldenTrace } from "./explorer-helpers.js";
import { loadGoldens } from "./golden-programs.js";

const goldens = loadGoldens();

function known(v: StepView["verdict"]): StepVerdict {
  if (v === null || v === "pending" || v === "no input") throw new assert.Assertion({ message: `no verdict: ${v}` } as never);
  return v;
}

test("printLines prints exactly what printNode prints, for every golden program after every pass", () => {
  let checked = 0;
  for (const g of goldens) {
    for (const target of ["x86_64", "aarch64"] as const) {
      for (const step of compile(g.source, g.path, { target, check: true })) {
        if (typeof step.pass.to === "string") continue;
        const printed = printLines(step.pass.to, step.output);
        assert.is(printed.lines.join("\n"), printNode(step.pass.to, step.output), `${g.name} after ${step.pass.name}`);
        assert.is(printed.locs.length, printed.lines.length);
        checked++;
      }
    }
  }
  assert.ok(checked > goldens.length * 20, `${checked} programs compared`);
});

test("each printed line knows the source line it came from", () => {
  const trace = goldenTrace("gcd");
  const parse = trace.steps[0]!;
  // In the parsed program, `let t = (a % b)` is source line 8: `let t = a % b`.
  const i = parse.lines.findIndex((l) => l.includes("let t ="));
  assert.is(parse.locs[i]?.line, 8);
  assert.match(trace.sourceLines[7]!, /let t = a % b/);
  // After desugar-for the loop counter's lines still point at the `for` (line 4).
  const desugared = trace.steps.find((s) => s.name === "desugar-for")!;
  const next = desugared.lines.findIndex((l) => l.includes("k.2.next = (k.2.next + 1)"));
  assert.is(desugared.locs[next]?.line, 4);
});

test("the assembly view knows which source line each instruction came from, on both targets", () => {
  const source = "fn main() {\n    let mut a = 6\n    a = a * 7\n    print(a)\n}\n";
  for (const target of ["x86_64", "aarch64"] as const) {
    const steps = compile(source, "t.qs", { target, check: true });
    const { lines, locs } = assemblyLines(String(steps[steps.length - 1]!.output));
    const lineOf = (pattern: RegExp) => locs[lines.findIndex((l) => pattern.test(l))]?.line;
    assert.is(lineOf(/\b(imulq|mul)\b/), 3, `${target}: the multiplication comes from line 3`);
    assert.is(lineOf(/qn_print_int/), 4, `${target}: the call of print comes from line 4`);
    assert.is(lineOf(/^qn_main:$/), undefined, `${target}: a label belongs to no source line`);
  }
});

test("the trace marks which passes changed the printed program and that every step agrees with the source", () => {
  const trace = goldenTrace("gcd");
  const changed = Object.fromEntries(trace.steps.map((s) => [s.name, s.changed]));
  assert.is(changed["parse"], true);
  assert.is(changed["uniquify"], true);
  assert.is(changed["inline-constants"], false, "gcd has no const to inline");
  assert.is(changed["desugar-for"], true);
  assert.is(trace.firstBad, null);
  for (const s of trace.steps) {
    if (s.to === "assembly text") assert.is(s.verdict, null);
    else assert.ok(known(s.verdict).agrees, s.name);
  }
  // gcd.in was read: 5 pairs give 5 lines of output.
  assert.match(known(trace.steps[0]!.verdict).outcome, /5 line\(s\) of output/);
  assert.equal(trace.functions, ["main"]);
});

test("a step whose program means something else is the first disagreement", () => {
  const gcd = goldens.find((g) => g.name === "gcd")!;
  const fizz = goldens.find((g) => g.name === "fizzbuzz")!;
  const good = compile(gcd.source, gcd.path, { target: "x86_64", check: true });
  const other = compile(fizz.source, fizz.path, { target: "x86_64", check: true });
  const at = good.findIndex((s) => s.pass.name === "shrink");
  const broken: Step[] = good.map((s, i) => (i >= at && i < at + 2 ? other[i]! : s));
  const trace = buildTrace(gcd.path, gcd.source, "x86_64", broken, gcd.stdin);
  assert.is(trace.firstBad, at);
  assert.is(known(trace.steps[at]!.verdict).agrees, false);
  assert.is(known(trace.steps[at - 1]!.verdict).agrees, true);
});

test("the worker makes the same steps and marks as the explorer's own process, one at a time", async () => {
  const gcd = goldens.find((g) => g.name === "gcd")!;
  const steps = compile(gcd.source, gcd.path, { target: "aarch64", check: true });
  const now = buildTrace(gcd.path, gcd.source, "aarch64", steps, gcd.stdin);
  const empty = emptyTrace(gcd.path, gcd.source, "aarch64", gcd.stdin, null);
  const got: StepView[] = [];
  const marks = new Map<number, Mark>();
  const order: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const stop = startTrace(empty, (e: Event) => {
      if ("trace" in e && e.trace !== empty.id) reject(new Error("an event of another trace"));
      if (e.kind === "step") {
        got[e.index] = e.step;
        order.push(`step ${e.index}`);
        if (e.index === 0) assert.equal(e.functions, ["main"]);
      } else if (e.kind === "meaning") {
        marks.set(e.index, e.mark);
        order.push(`mark ${e.index}`);
        if (marks.size === steps.length - 1) resolve();
      } else if (e.kind === "failed" || e.kind === "meaning-failed") reject(new Error(e.message));
    });
    setTimeout(() => (stop(), reject(new Error("timed out"))), 60_000).unref();
  });
  assert.is(got.length, steps.length);
  got.forEach((step, i) => {
    const here = now.steps[i]!;
    assert.equal([step.name, step.lines, step.locs, step.changed], [here.name, here.lines, here.locs, here.changed], here.name);
    if (here.verdict !== null) assert.equal(marks.get(i), here.verdict, here.name);
  });
  // A mark never comes before its own step (the reducer would have nowhere to put it).
  for (const [i] of marks) assert.ok(order.indexOf(`step ${i}`) < order.indexOf(`mark ${i}`), `the mark of ${steps[i]!.pass.name} after its step`);
});

test("a run that differs because an interpreter gave up (the step's or the source's) is no verdict, not a disagreement", () => {
  const ran = (o: Partial<Outcome>): Run => ({ outcome: { stdout: "1\n", status: 0, panic: null, outOfFuel: false, live: null, ...o }, clean: true, lines: 1 });
  const stack = { stdout: "", status: 101, panic: "stack overflow", hostStack: true as const };
  for (const [source, step, why] of [
    [stack, {}, "the source's interpreter filled its stack"],
    [{}, stack, "its interpreter filled its stack"],
    [{}, { stdout: "", outOfFuel: true }, "its interpreter ran out of fuel"],
    [{}, { stdout: "2\n" }, null],
  ] as const) {
    const marks = new Map<number, Mark>();
    const mark = marker([0, 1], "", (i, m) => marks.set(i, m));
    mark(0, ran(source));
    mark(1, ran(step));
    const got = marks.get(1) as StepVerdict;
    assert.is(got.agrees, false);
    if (why === null) assert.is(got.gaveUp, null);
    else assert.ok(got.gaveUp?.startsWith(why), `${got.gaveUp}`);
  }
});

/** Every mark of a trace of `source` on `stdin`, once all have come. */
async function allMarks(name: string, source: string, stdin: string): Promise<Mark[]> {
  const empty = emptyTrace(name, source, "x86_64", stdin, null);
  const marks: Mark[] = [];
  const wanted = empty.passes.filter((p) => p.to !== "assembly text").length;
  await new Promise<void>((resolve, reject) => {
    const stop = startTrace(empty, (e: Event) => {
      if (e.kind === "meaning" && marks.push(e.mark) === wanted) (stop(), resolve());
      else if (e.kind === "failed" || e.kind === "meaning-failed") (stop(), reject(new Error(e.message)));
    });
    setTimeout(() => (stop(), reject(new Error("timed out"))), 60_000).unref();
  });
  return marks;
}

test("the marks' interpreters have stack enough for a recursion 1,000 deep in a spawned task: every mark agrees (with a worker's default stack, the source's run gave up and every later step was marked ✗)", async () => {
  const source = "fn depth(n: Int) -> Int { if n == 0 { 0 } else { 1 + depth(n - 1) } }\nfn main() {\n    let r = Box(0)\n    scope { spawn { r.set(depth(read_int())) } }\n    print(r.get())\n}\n";
  for (const mark of await allMarks("deep_task.qs", source, "1000\n")) assert.ok(typeof mark === "object" && mark !== null && mark.agrees && mark.stdout === "1000\n", JSON.stringify(mark));
});

test("every interpreter nests at most maxCallDepth calls in main's, whatever its thread's stack (the marks' 512 MB let the tree and Lcfg interpreters go far deeper than the machine models, and a recursion that never ends ran for a minute); each task counts its own", async () => {
  const down = "fn down(n: Int) -> Int { if n == 0 { 0 } else { 1 + down(n - 1) } }\nfn main() { print(down(read_int())) }\n";
  for (const mark of await allMarks("down.qs", down, `${maxCallDepth - 1}\n`)) assert.ok(typeof mark === "object" && mark !== null && mark.agrees && mark.stdout === `${maxCallDepth - 1}\n`, JSON.stringify(mark));
  for (const mark of await allMarks("down.qs", down, `${maxCallDepth}\n`)) assert.ok(typeof mark === "object" && mark !== null && mark.agrees && mark.panic === "stack overflow" && mark.stdout === "", JSON.stringify(mark));
  // Two tasks 6,000 calls deep at once (each yields at its deepest): 12,000 in all, 6,000 in each.
  const tasks = "fn deep(n: Int) -> Int {\n    if n == 0 { yield(); 0 } else { 1 + deep(n - 1) }\n}\nfn main() {\n    let a = Box(0)\n    let b = Box(0)\n    scope {\n        spawn { a.set(deep(6000)) }\n        spawn { b.set(deep(6000)) }\n    }\n    print(a.get() + b.get())\n}\n";
  for (const mark of await allMarks("deep_tasks.qs", tasks, "")) assert.ok(typeof mark === "object" && mark !== null && mark.agrees && mark.stdout === "12000\n", JSON.stringify(mark));
});

test("the worker, given no input for a program that reads: every step's mark says so, each after its step", async () => {
  const gcd = goldens.find((g) => g.name === "gcd")!;
  const empty = emptyTrace(gcd.path, gcd.source, "x86_64", "", null);
  const order: string[] = [];
  const marks = new Map<number, Mark>();
  const steps = empty.passes.length;
  const interpretedSteps = empty.passes.filter((p) => p.to !== "assembly text").length;
  await new Promise<void>((resolve, reject) => {
    const stop = startTrace(empty, (e: Event) => {
      if (e.kind === "step") order.push(`step ${e.index}`);
      else if (e.kind === "meaning") {
        marks.set(e.index, e.mark);
        order.push(`mark ${e.index}`);
      } else if (e.kind === "failed" || e.kind === "meaning-failed") reject(new Error(e.message));
      if (order.filter((o) => o.startsWith("step")).length === steps && marks.size === interpretedSteps) (stop(), resolve());
    });
    setTimeout(() => (stop(), reject(new Error(`timed out: ${order.join(", ")}`))), 60_000).unref();
  });
  for (const [i, mark] of marks) {
    assert.is(mark, "no input");
    assert.ok(order.indexOf(`step ${i}`) < order.indexOf(`mark ${i}`), `the mark of ${empty.passes[i]!.name} after its step`);
  }
});

test("a pass that left the program as it was, in an IL run alike, shares the run of the step before", () => {
  for (const name of ["gcd", "fib_recursive", "tuples_in_records", "closures_unions", "tasks_yield", "bool_arrays"]) {
    const g = goldens.find((x) => x.name === name)!;
    const steps = compile(g.source, g.path, { target: "x86_64", check: true });
    const jobs: Job[] = interpreted(steps).map((index) => ({ index, il: steps[index]!.pass.to as IL, program: steps[index]!.output }));
    const runs = new Map<number, Run>();
    const sharer = runSharer((index, run) => (runs.set(index, run), false));
    let ran = 0;
    for (const job of jobs) {
      if (!sharer.needs(job)) continue;
      ran++;
      sharer.ran(job.index, runProgram(job.il, job.program, g.stdin));
    }
    assert.ok(ran < jobs.length, `${name}: some steps share a run (${ran} of ${jobs.length} ran)`);
    // Each shared run is what running the step itself gives.
    for (const job of jobs) assert.equal(runs.get(job.index), runProgram(job.il, job.program, g.stdin), `${name} after ${steps[job.index]!.pass.name}`);
  }
});

test("a machine model's step shares the run of an earlier one whose blocks, data and homes are the same: the interference graph and spill costs are not read", () => {
  const g = goldens.find((x) => x.name === "gcd")!;
  for (const target of ["x86_64", "aarch64"] as const) {
    const steps = compile(g.source, g.path, { target, check: true });
    const jobs: Job[] = interpreted(steps).map((index) => ({ index, il: steps[index]!.pass.to as IL, program: steps[index]!.output }));
    const at = (pass: string) => jobs.find((j) => steps[j.index]!.pass.name === pass)!;
    const [live, graph, costs, colour] = ["uncover-live", "build-interference", "choose-spill-candidates", "allocate-registers"].map(at) as [Job, Job, Job, Job];
    const lowerCalls = jobs[jobs.indexOf(live) - 1]!; // the code uncover-live reads
    assert.ok(sameRun(lowerCalls, graph) && sameRun(graph, costs), `${target}: the graph and the costs are run as the code before them`);
    assert.not.ok(sameRun(lowerCalls, live), `${target}: L<t>live's model checks the live sets: run alike with no other`);
    assert.not.ok(sameRun(costs, colour), `${target}: the homes are read`);
    const sharer = runSharer(() => false);
    const ran = jobs.filter((j) => sharer.needs(j)).map((j) => steps[j.index]!.pass.name);
    assert.ok(ran.includes("uncover-live") && !ran.includes("build-interference") && !ran.includes("choose-spill-candidates"), `${target}: ${ran.join(", ")}`);
  }
});

test("two steps share a run only for the same program (locs aside), run by the same interpreter or by two that run it alike", () => {
  const gcd = goldens.find((g) => g.name === "gcd")!;
  const steps = compile(gcd.source, gcd.path, { target: "x86_64", check: true });
  const job = (name: string): Job => {
    const index = steps.findIndex((s) => s.pass.name === name);
    return { index, il: steps[index]!.pass.to as IL, program: steps[index]!.output };
  };
  const [uniquify, monomorphize, compileMatch, compound] = ["uniquify", "monomorphize", "compile-match", "desugar-compound-assign"].map(job) as [Job, Job, Job, Job];
  assert.ok(sameRun(uniquify, monomorphize), "Luniq and Lmono are run alike, and gcd has nothing generic");
  assert.not.ok(sameRun(compileMatch, compound), "Lnomatch and Lassign run an assignment (gcd has some) by different handlers");
  // fib_recursive assigns nothing: the two tables agree on every kind of node it has.
  const fib = goldens.find((g) => g.name === "fib_recursive")!;
  const fibSteps = compile(fib.source, fib.path, { target: "x86_64", check: true });
  const lnomatch = fibSteps.find((s) => s.pass.name === "compile-match")!.output;
  assert.ok(runAlike("Lnomatch", "Lassign", lnomatch), "no Assign: run alike");
  // Lmodules runs as Lsrc the program its modules link into: parse's run is resolve-modules' when that is the linked program.
  assert.ok(runAlike("Lmodules", "Lsrc", fibSteps[1]!.output), "Lmodules' interpreter is Lsrc's, on the linked program");
  const tree = goldens.find((g) => g.name === "modules_tree")!;
  const treeSteps = compile(tree.source, tree.path, { target: "x86_64", check: true });
  const [parsed, resolved] = [0, 1].map((index) => ({ index, il: treeSteps[index]!.pass.to as IL, program: treeSteps[index]!.output }));
  assert.not.ok(sameTerm(parsed!.program, resolved!.program), "modules_tree's modules are linked into another program");
  assert.ok(sameRun(parsed!, resolved!), "the program parse's modules link into is resolve-modules'");
  const dropped = { ...resolved!, program: { ...(resolved!.program as object), items: (resolved!.program as { items: readonly object[] }).items.slice(1) } };
  assert.not.ok(sameRun(parsed!, dropped), "a resolve-modules that lost an item runs on its own");
  const unlinked = compile("use nosuch\nfn main() { nosuch.f() }\n", "unlinked.qs", { target: "x86_64", until: "parse" })[0]!.output;
  assert.is(runInput("Lmodules", unlinked), unlinked, "modules that do not link: the program itself, shared with nothing (its run says why)");
  assert.not.ok(runAlike("Lcfg", "Lrc", fibSteps.find((s) => s.pass.name === "explicate-control")!.output), "Lrc's interpreter counts references");
  const withAssign = { ...(lnomatch as object), extra: { kind: "Assign", name: "x", op: "=", value: { kind: "Int", value: 1n } } };
  assert.not.ok(runAlike("Lnomatch", "Lassign", withAssign), "any Assign in the program: not alike");
  const tasks = goldens.find((g) => g.name === "tasks_yield")!;
  const spawning = compile(tasks.source, tasks.path, { target: "x86_64", check: true }).find((s) => s.pass.name === "compile-match")!.output;
  assert.not.ok(runAlike("Lnomatch", "Lassign", spawning), "a program that spawns runs in the generator form: alike only under one interpreter");
  assert.ok(runAlike("Luniq", "Lmono", spawning), "one interpreter");
  assert.not.ok(sameRun(uniquify, job("parse")), "another program");
  // Locs aside: the same term read from other text is the same term; one field more or less is not.
  const program = uniquify.program as { items: readonly object[] };
  const moved = JSON.parse(JSON.stringify(program, (k, v) => (k === "loc" ? { line: 99, col: 1, length: 1 } : typeof v === "bigint" ? { big: String(v) } : v)), (_k, v) => (v && typeof v === "object" && "big" in v ? BigInt(v.big) : v));
  assert.ok(sameTerm(program, moved));
  assert.not.ok(sameTerm(program, { ...program, items: program.items.slice(1) }));
  assert.not.ok(sameTerm({ kind: "Int", value: 1n }, { kind: "Int", value: 1n, extra: null }));
  assert.not.ok(sameTerm([1n], { 0: 1n }));
  assert.not.ok(sameTerm(new Map([["a", 1]]), new Map([["b", 2]])), "not plain data: only the same as itself");
});

test("runs that arrive in any order (from several workers) become marks once the source's run is known", () => {
  const run = (stdout: string, panic: string | null = null) => ({ outcome: { stdout, status: panic ? 101 : 0, panic, outOfFuel: false }, clean: true, lines: stdout.split("\n").length - 1 });
  const got: [number, Mark][] = [];
  const mark = marker([0, 2, 3], "", (i, m) => got.push([i, m]));
  assert.is(mark(3, run("1\n")), false);
  assert.is(mark(2, run("2\n")), false);
  assert.equal(got, [], "nothing before the source's run");
  mark(0, run("1\n"));
  assert.equal(got.map(([i, m]) => [i, typeof m === "object" && m !== null && m.agrees]), [[0, true], [3, true], [2, false]]);
  // A program that reads, given no input: every mark says so, and nothing more need run.
  const none: [number, Mark][] = [];
  assert.is(marker([0, 1], "", (i, m) => none.push([i, m]))(0, run("", "bad input")), true);
  assert.equal(none, [[0, "no input"], [1, "no input"]]);
});

test("a run that prints more than keptOutput characters keeps their start and a digest of all: two runs that differ only past it disagree, and say where", () => {
  // ~1.4 MB of output: parse's and select-instructions' runs, bounded.
  const source = "fn main() {\n    for i in 0..200000 { print(i) }\n}\n";
  const steps = compile(source, "loud.qs", { target: "x86_64", check: true });
  const [first, last] = ["parse", "select-instructions"].map((name) => steps.find((s) => s.pass.name === name)!).map((s) => runProgram(s.pass.to as IL, s.output, ""));
  const whole = Array.from({ length: 200_000 }, (_, i) => `${i}\n`).join("");
  assert.is(first!.outcome.stdout, whole.slice(0, keptOutput));
  assert.is(first!.digest, createHash("sha256").update(whole).digest("hex"), "all of it, in order (the runtime model joins its writes in chunks)");
  assert.is(last!.digest, first!.digest);
  const marks = new Map<number, Mark>();
  const mark = marker([0, 1, 2, 3], "", (i, m) => marks.set(i, m));
  mark(0, first!);
  mark(1, last!);
  mark(2, { ...last!, digest: "another" });
  mark(3, { outcome: { ...last!.outcome, stdout: whole.slice(0, 1000) }, clean: true, lines: 200_000 });
  const verdict = (i: number) => marks.get(i) as StepVerdict;
  assert.ok(verdict(1).agrees);
  assert.not.ok(verdict(2).agrees);
  assert.is(verdict(2).differs, `its output differs from the source's after the first ${keptOutput} characters`);
  assert.not.ok(verdict(3).agrees, "a shorter output");
  assert.ok(verdict(1).stdout.length <= maxOutput, "a mark keeps at most maxOutput of it");
});

test("a program that does not compile: the worker sends the passes before and the diagnostic", async () => {
  const source = "fn main() {\n    let x = 1 + true\n}\n";
  const empty = emptyTrace("bad.qs", source, "x86_64", "", null);
  const events: Event[] = [];
  await new Promise<void>((resolve) => {
    startTrace(empty, (e) => {
      events.push(e);
      if (e.kind === "meaning-failed") resolve();
    });
  });
  assert.equal(events.map((e) => e.kind), ["step", "step", "failed", "meaning-failed"], "and no interpreter runs a program that does not type-check");
  const failed = events[2] as Extract<Event, { kind: "failed" }>;
  assert.is(failed.at, 2, "check-types");
  assert.match(failed.message, /^bad\.qs:2:\d+: error: /);
  assert.match(failed.message, /\n\s*2 \|     let x = 1 \+ true\n/);
});

test("the grammar view marks the kinds an IL adds, each production's kind first (so a narrow screen keeps it)", () => {
  const trace = goldenTrace("gcd");
  const cfg = grammarLines(trace.steps.find((s) => s.to === "Lcfg")!.to);
  const added = cfg.filter((l) => l.startsWith("+ "));
  assert.ok(added.length > 0);
  assert.ok(added.some((l) => /^\+\s+Goto\s+goto label$/.test(l)), added.join("\n"));
  assert.ok(cfg.includes("  Tail ::="), cfg.join("\n"));
  assert.ok(cfg.some((l) => /^[+~ ]\s+BasicBlock\s+label: CStmt\* Tail$/.test(l)), "the BNF keeps its spaces");
  assert.ok(cfg.some((l) => l.includes("delta against Lreturn")));
});

test("a closing brace shows the statement it closes; a label or the table of homes no source line", () => {
  const trace = goldenTrace("gcd");
  const uniq = trace.steps.find((s) => s.name === "uniquify")!;
  const whileLine = uniq.lines.findIndex((l) => l.includes("while (b.4 != 0)"));
  const close = uniq.lines.findIndex((l, i) => i > whileLine && l.trim() === "}");
  assert.is(uniq.locs[whileLine]?.line, 7);
  assert.is(uniq.locs[close]?.line, 7, "the } of the while");
  const homes = trace.steps.find((s) => s.name === "allocate-registers")!;
  const label = homes.lines.findIndex((l) => /^\s*main\.block1:$/.test(l));
  assert.is(homes.locs[label], null);
  const home = homes.lines.findIndex((l) => /^\s*a\.3 -> /.test(l));
  assert.is(homes.locs[home], null);
});

test("every instruction knows its source line, jumps and returns too, until the frame is built", () => {
  for (const g of goldens.filter((x) => ["gcd", "fizzbuzz", "even_odd", "tail_loop"].includes(x.name))) {
    for (const target of ["x86_64", "aarch64"] as const) {
      const steps = compile(g.source, g.path, { target, check: true });
      const from = steps.findIndex((s) => s.pass.name === "select-instructions");
      const until = steps.findIndex((s) => s.pass.name === "patch-instructions");
      for (const step of steps.slice(from, until + 1)) {
        for (const block of (step.output as { blocks: { label: string; instrs: { kind: string; loc?: unknown }[] }[] }).blocks) {
          // The moves that take a function's parameters from their registers come from no statement.
          const instrs = block.label.endsWith(".start") ? block.instrs.slice(block.instrs.findIndex((i) => i.loc !== undefined)) : block.instrs;
          for (const instr of instrs) assert.ok(instr.loc, `${g.name} (${target}) after ${step.pass.name}: ${block.label}: ${instr.kind} has no source line`);
        }
      }
    }
  }
});

test("in the assembly, an instruction after a label keeps the source line of the comment above it", () => {
  const { lines, locs } = assemblyLines(String(goldenTrace("gcd").steps.at(-1)!.lines.join("\n")));
  const neg = lines.findIndex((l) => /negq/.test(l));
  assert.is(locs[neg]?.line, 12, "negq: `a = -a`, under `# 12: if a < 0 { a = -a }` and a label");
  assert.is(locs[lines.findIndex((l) => /^\s*\.data$/.test(l))] ?? null, null);
});

test("the diff of a 5,000-line program pass after pass pairs the renamed lines (no all-removed, all-added)", () => {
  const n = 5000;
  const before = Array.from({ length: n }, (_, i) => `    let x${i % 50} = y${i % 50} + ${i}`);
  const after = before.map((l, i) => (i % 10 === 3 ? l : l.replace(/x(\d+)/, "x$1.1")));
  after.splice(2500, 0, "    inserted");
  const d = diffLines(before, after);
  assert.equal(undiff(d, "+"), before);
  assert.equal(undiff(d, "-"), after);
  const kept = d.filter((l) => l.sign === " ").length;
  assert.is(kept, n / 10, "every unrenamed line is kept");
  const firstAdded = d.findIndex((l) => l.sign === "+");
  assert.ok(firstAdded < 20, "the changes are where they happen, not all at the end");
});

const undiff = (d: ReturnType<typeof diffLines>, side: "-" | "+") => d.filter((l) => l.sign !== side).map((l) => l.text);

test("word marks: the words a pass changed in a line it rewrote", () => {
  const m = wordMarks("  let mut a: Int = read_int()", "  let mut a.3: Int = read_int()");
  assert.equal(m.removed, [[10, 11]]);
  assert.equal(m.added, [[10, 13]]);
  const r = wordMarks("    movq a.3, %rax", "    movq %rbx, %rax");
  assert.equal(r.removed, [[9, 12]]);
  assert.equal(r.added, [[9, 13]]);
  // Interleaved, each removed line is followed by the line that replaced it.
  const d = interleave(diffLines(["a", "b", "c", "z"], ["A", "B", "z"]));
  assert.equal(d.map((l) => `${l.sign}${l.text}`), ["-a", "+A", "-b", "+B", "-c", " z"]);
  assert.equal([...partners(d)], [1, 0, 3, 2, -1, -1]);
});

test("what differs between two runs, in a sentence", () => {
  const run = (stdout: string, status = 0, panic: string | null = null) => ({ stdout, status, panic, outOfFuel: false });
  assert.is(difference(run("1\n2\n"), run("1\n2\n")), null);
  assert.is(difference(run("1\n3\n"), run("1\n2\n")), 'output line 2: "3", the source\'s "2"');
  assert.is(difference(run("1\n"), run("1\n2\n")), 'output line 2: "", the source\'s "2"');
  assert.is(difference(run("", 101, "boom"), run("")), 'panic "boom", the source\'s none');
  assert.is(difference(run("", 3), run("")), "status 3, the source's 0");
});

test("the explorer measures text in display columns: wide characters take two, combining marks none", () => {
  assert.is(displayWidth("abc"), 3);
  assert.is(displayWidth("日本語"), 6);
  assert.is(displayWidth("e\u0301"), 1);
  assert.is(displayWidth("🎉"), 2);
  for (const [text, width] of [["print(\"日本語のテキスト\")", 12], ["abc", 5], ["日本", 3], ["e\u0301e\u0301e\u0301", 2]] as const) {
    const shown = fit(text, width);
    assert.is(displayWidth(shown), width, `${text} in ${width}: ${JSON.stringify(shown)}`);
  }
  assert.is(fit("print(\"日本語\")", 10), "print(\"日…");
  assert.is(fit("abcdefgh", 5, 2), "…defg…".slice(0, 4) + "…");
  assert.is(displayWidth(fit("日本語です", 6, 1)), 6);
});

test("diffLines: past its exact limits, Myers' search and patience anchors still rebuild both sides", () => {
  const rand = seeded(11);
  for (let round = 0; round < 300; round++) {
    const a = Array.from({ length: rand(30) }, () => "abcdefgh"[rand(8)]!);
    const b = Array.from({ length: rand(30) }, () => "abcdefgh"[rand(8)]!);
    // Myers' search alone: as short as the exact table's.
    const greedy = diffLines(a, b, { exactCells: 0, maxEdits: 1000 });
    assert.equal(undiff(greedy, "+"), a);
    assert.equal(undiff(greedy, "-"), b);
    assert.is(greedy.filter((l) => l.sign === " ").length, lcsLength(a, b), `${a.join("")} vs ${b.join("")}`);
    // Given up early: still both sides.
    const cut = diffLines(a, b, { exactCells: 0, maxEdits: 2 });
    assert.equal(undiff(cut, "+"), a);
    assert.equal(undiff(cut, "-"), b);
    // Patience anchors (unique lines) first.
    const u = [...a, ...a.map((x, i) => `${x}${i}`)];
    const v = [...b, ...a.map((x, i) => `${x}${i}`).filter(() => rand(3) > 0)];
    const anchored = diffLines(u, v, { exactCells: 0, maxEdits: 1000 });
    assert.equal(undiff(anchored, "+"), u);
    assert.equal(undiff(anchored, "-"), v);
  }
});


/** Numbers below n from a seed, the same each run (a linear congruential generator). */
function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
}

/** The length of a longest common subsequence, by plain recursion with a memo. */
function lcsLength(a: string[], b: string[]): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    if (i === a.length || j === b.length) return 0;
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const v = a[i] === b[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1));
    memo.set(key, v);
    return v;
  };
  return go(0, 0);
}

test("diffLines rebuilds both sides and keeps a longest common subsequence", () => {
  const rand = seeded(7);
  for (let round = 0; round < 300; round++) {
    const a = Array.from({ length: rand(12) }, () => "abcd"[rand(4)]!);
    const b = Array.from({ length: rand(12) }, () => "abcd"[rand(4)]!);
    const d = diffLines(a, b);
    assert.equal(undiff(d, "+"), a);
    assert.equal(undiff(d, "-"), b);
    assert.is(d.filter((l) => l.sign === " ").length, lcsLength(a, b), `${a.join("")} vs ${b.join("")}`);
  }
  assert.equal(diffLines(["x", "y", "z"], ["x", "Y", "z"]), [
    { sign: " ", text: "x", at: 0 },
    { sign: "-", text: "y", at: 1 },
    { sign: "+", text: "Y", at: 1 },
    { sign: " ", text: "z", at: 2 },
  ]);
});

test("syntax colour: keywords, numbers, labels, registers, strings and comments", () => {
  const colour = (line: string) => highlight(line).flatMap((seg) => (seg.color ? [`${seg.color}:${seg.text.trim()}`] : []));
  assert.equal(colour("  let mut x.1: Int = 42"), ["magenta:let", "magenta:mut", "yellow:42"]);
  assert.equal(colour("main.block1:  if a < 0 goto main.block6 else main.block7"), ["cyan:main.block1:", "magenta:if", "yellow:0", "magenta:goto", "magenta:else"]);
  assert.equal(colour("        movq    $5, -8(%rbp)"), ["blue:$5", "yellow:-8", "blue:%rbp"]);
  assert.equal(colour('  print_str("for 1")'), ['green:"for 1"']);
  assert.equal(colour("# Generated by qnano for x86_64"), ["gray:# Generated by qnano for x86_64"]);
  assert.equal(colour("  x = 1 // for the loop"), ["yellow:1", "gray:// for the loop"]);
  assert.is(highlight("  a = (b + 1)").map((s) => s.text).join(""), "  a = (b + 1)");
});

test.run();
