// The driver's checking loop (checkPasses in driver/driver.ts), the check that
// every other one calls: from source text or from a program of any IL, each
// pass run, frozen, validated, interpreted and compared; a crash, an invalid
// output, a changed meaning, a leak and an interpreter that gave up are each
// that step's verdict. It runs lazily: a caller that stops runs no more passes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BrokenPass, checkPasses, compile, firstBad, isBad, throwIfBroken, type CheckedStep } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { CompileError } from "../front-end/diagnostics.js";
import type * as Rc from "../ir-defs/generated/Lrc.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { Lrc } from "../ir-defs/lrc.js";
import { pass, type Pass } from "../il/pass.js";
import { frontEnd, pipeline } from "../passes/pipeline.js";
import { loadGoldens } from "./golden-programs.js";

const gcd = loadGoldens().find((g) => g.name === "gcd")!;
const bisectInput = (name: string) => readFileSync(join(packageRoot, "tests", "bisect", name), "utf8");
const kinds = (steps: readonly CheckedStep[]) => steps.map((s) => s.verdict.kind);

/** gcd compiled up to Lcfg (checked), and the x86_64 passes after it. */
function gcdInLcfg(): { program: unknown; rest: readonly Pass[] } {
  const steps = compile(gcd.source, gcd.path, { target: "x86_64", check: true, until: "explicate-control" });
  return { program: steps.at(-1)!.output, rest: pipeline("x86_64").slice(steps.length) };
}

/** An Lcfg -> Lcfg pass that gives back `f` of its input. */
const lcfgPass = (name: string, f: (p: unknown) => unknown): Pass => pass({ name, from: Lcfg, to: Lcfg, purpose: "a test's", run: f });

test("from source text: a step per pass, each valid and giving the source's outcome; the assembly text is not interpreted", () => {
  const steps = [...checkPasses({ source: gcd.source, file: gcd.path }, pipeline("x86_64"), { run: { stdin: gcd.stdin } })];
  assert.equal(steps.map((s) => s.pass), [...pipeline("x86_64")]);
  assert.equal(kinds(steps), [...Array(steps.length - 1).fill("agrees"), "unchecked"]);
  for (const s of steps.slice(0, -1)) {
    assert.equal(s.validation, { ok: true }, s.pass.name);
    assert.is(s.outcome!.stdout, gcd.stdout, s.pass.name);
    assert.is(s.reference!.name, "the source");
    assert.ok(Object.isFrozen(s.output), `${s.pass.name}: its output is frozen`);
  }
  assert.type(steps.at(-1)!.output, "string");
});

test("from a program of any IL: the program is checked first, as the step `input`, and is the reference", () => {
  const { program, rest } = gcdInLcfg();
  const steps = [...checkPasses({ program, il: Lcfg, check: true }, rest, { run: { stdin: gcd.stdin } })];
  assert.is(steps[0]!.pass.name, "input");
  assert.is(steps[0]!.output, program);
  assert.is(steps[1]!.pass, rest[0]);
  assert.is(steps[1]!.reference!.name, "the input (Lcfg)");
  assert.is(firstBad(steps), null);
  assert.is([...checkPasses({ program, il: Lcfg, check: false }, rest)][0]!.pass, rest[0], "check: false starts with the first pass");
});

test("lazy: a caller that stops after a step runs no further pass", () => {
  const { program } = gcdInLcfg();
  let runs = 0;
  const counted = Array.from({ length: 5 }, (_, i) => lcfgPass(`count-${i}`, (p) => (runs++, p)));
  const steps = checkPasses({ program, il: Lcfg, check: false }, counted, { run: { stdin: gcd.stdin } });
  assert.is(steps.next().value!.verdict.kind, "agrees");
  assert.is(runs, 1);
  assert.is(firstBad(steps), null);
  assert.is(runs, 5);
});

test("a crash is that pass's verdict and ends the run; throwIfBroken throws its error", () => {
  const { program } = gcdInLcfg();
  const boom = new Error("boom");
  const steps = [...checkPasses({ program, il: Lcfg, check: false }, [lcfgPass("crash", () => { throw boom; }), lcfgPass("after", (p) => p)])];
  assert.equal(kinds(steps), ["crashed"]);
  assert.is(steps[0]!.explanation, "the pass crashed: boom");
  assert.ok(isBad(steps[0]!));
  assert.throws(() => throwIfBroken(steps[0]!), (e: unknown) => e === boom);
});

test("an output outside its IL is invalid, with the node and production; the next pass still runs", () => {
  const { program } = gcdInLcfg();
  const nonsense = { kind: "Program", defs: [{ kind: "Nonsense" }] };
  const steps = [...checkPasses({ program, il: Lcfg, check: false }, [lcfgPass("break", () => nonsense), lcfgPass("after", (p) => p)])];
  assert.equal(kinds(steps), ["invalid", "invalid"]);
  assert.match(steps[0]!.explanation, /^the output is not in Lcfg: .*defs\[0\]/);
  assert.is(steps[0]!.outcome, null, "an invalid program is not run");
  assert.throws(() => throwIfBroken(steps[0]!), (e: unknown) => e instanceof BrokenPass && e.pass.name === "break");
});

test("only: one pass is checked, the others run to make its input", () => {
  const only = (p: Pass) => p.name === "explicate-control";
  const steps = [...checkPasses({ source: gcd.source, file: gcd.path }, pipeline("aarch64"), { run: { stdin: gcd.stdin }, only })];
  assert.is(steps.length, pipeline("aarch64").length);
  assert.equal(steps.filter((s) => s.verdict.kind !== "unchecked").map((s) => s.pass.name), ["explicate-control"]);
  assert.is(steps.find((s) => only(s.pass))?.outcome?.stdout, gcd.stdout);
});

test("a reference given by the caller: a step that gives something else differs from it", () => {
  const expected = { stdout: "42\n", status: 0, panic: null, outOfFuel: false };
  const first = firstBad(checkPasses({ source: gcd.source, file: gcd.path }, frontEnd, { run: { stdin: gcd.stdin }, reference: { outcome: expected, name: "the expected outcome" } }));
  assert.is(first?.pass.name, "parse");
  assert.is(first?.verdict.kind, "differs");
  assert.match(first!.explanation, /^Lmodules gives status 0; 5 line\(s\) of output, stdout "6\\n1.*; the expected outcome gives status 0; 1 line\(s\) of output, stdout "42\\n"$/);
});

test("a leak: an object still live when main returns is a verdict of its own, also when the outcome agrees", () => {
  const source = "fn main() {\n    let b = Box(5)\n    print(b.get())\n}\n";
  const lrc = compile(source, "box.qs", { target: "x86_64", until: "insert-refcounts" }).at(-1)!.output as Rc.Program;
  const noDecs = { ...lrc, defs: lrc.defs.map((d) => ({ ...d, blocks: d.blocks.map((b) => ({ ...b, stmts: b.stmts.filter((s) => s.kind !== "Dec") })) })) };
  const afterRefcounts = frontEnd.slice(frontEnd.findIndex((p) => p.name === "insert-refcounts") + 1);
  const steps = [...checkPasses({ program: noDecs, il: Lrc, check: true }, afterRefcounts)];
  assert.equal(kinds(steps), ["leaks", ...afterRefcounts.map(() => "leaks")]); // the program given, then each pass
  assert.is(steps.at(-1)!.outcome!.stdout, "5\n");
  assert.match(steps.at(-1)!.explanation, /^Lalloc leaves 1 object\(s\), 24 bytes, live when main returns/);
});

test("an ill-typed program: the type checker rejects it before any interpreter runs (tests/bisect/ill-typed.qs)", () => {
  const source = bisectInput("ill-typed.qs");
  const steps = [...checkPasses({ source, file: "ill-typed.qs" }, pipeline("x86_64"))];
  assert.equal(kinds(steps), ["valid", "valid", "crashed"]); // parse, resolve-modules, check-types
  assert.is(steps[0]!.outcome, null, "the parsed program is not interpreted");
  assert.is(steps[1]!.outcome, null, "nor is the program its modules make");
  assert.is(steps[2]!.pass.name, "check-types");
  assert.throws(() => throwIfBroken(steps[2]!), (e: unknown) => e instanceof CompileError && /expected Int, found Bool/.test(e.message));
});

test("interpreters that give up (JavaScript's stack, fuel) disagree, but no meaning changed: `gave up`, not `differs` (tests/bisect/too-long.qs)", () => {
  const source = bisectInput("too-long.qs");
  const first = firstBad(checkPasses({ source, file: "too-long.qs" }, frontEnd, { run: { fuel: 2_000_000 } }));
  assert.is(first?.pass.name, "explicate-returns");
  assert.is(first?.verdict.kind, "gave up");
  assert.is(first?.reference?.outcome.hostStack, true, "the tree interpreters filled their stack");
  assert.is(first?.outcome?.outOfFuel, true, "the Lreturn interpreter ran out of fuel");
  assert.match(first!.explanation, /\(the Lreturn interpreter ran out of fuel; the interpreter of the source filled its stack \(10,000 nested calls, or JavaScript's\)\)$/);
});

test.run();
