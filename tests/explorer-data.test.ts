// The explorer's data, computed once per file: printed lines with their source
// lines, the changed marks, the semantics marks, and the line diff.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diffLines } from "../explorer-tui/diff.js";
import { highlight } from "../explorer-tui/highlight.js";
import { printLines } from "../explorer-tui/print-lines.js";
import { startMeaning } from "../explorer-tui/meaning.js";
import { assemblyLines, buildTrace, type StepVerdict, type StepView } from "../explorer-tui/trace.js";
import { compile, type Step } from "../driver/driver.js";
import { printNode } from "../il/print.js";
import { goldenTrace } from "./explorer-helpers.js";
import { loadGoldens } from "./golden-programs.js";

const goldens = loadGoldens();

function known(v: StepView["verdict"]): StepVerdict {
  if (v === null || v === "pending") throw new assert.Assertion({ message: `no verdict: ${v}` } as never);
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

test("the worker finds the same verdicts as the explorer's own process, one step at a time", async () => {
  const gcd = goldens.find((g) => g.name === "gcd")!;
  const steps = compile(gcd.source, gcd.path, { target: "aarch64", check: true });
  const now = buildTrace(gcd.path, gcd.source, "aarch64", steps, gcd.stdin);
  const later = buildTrace(gcd.path, gcd.source, "aarch64", steps, gcd.stdin, "later");
  const pending = later.steps.flatMap((s, i) => (s.verdict === "pending" ? [i] : []));
  assert.is(pending.length, steps.length - 1, "every step but the assembly text waits");
  const got = new Map<number, StepVerdict>();
  await new Promise<void>((resolve, reject) => {
    startMeaning(later, gcd.source, {
      verdict: (index, verdict) => {
        got.set(index, verdict);
        if (got.size === pending.length) resolve();
      },
      failed: (message) => reject(new Error(message)),
    });
  });
  for (const i of pending) assert.equal(got.get(i), now.steps[i]!.verdict, now.steps[i]!.name);
});

test("the grammar view marks the kinds an IL adds", () => {
  const trace = goldenTrace("gcd");
  const cfg = trace.steps.find((s) => s.to === "Lcfg")!;
  const added = cfg.grammar.filter((l) => l.startsWith("+ "));
  assert.ok(added.length > 0);
  assert.ok(added.some((l) => /Goto$/.test(l.trim())), added.join("\n"));
  assert.ok(cfg.grammar.some((l) => l.includes("delta against Lreturn")));
});

const undiff = (d: ReturnType<typeof diffLines>, side: "-" | "+") => d.filter((l) => l.sign !== side).map((l) => l.text);

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
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    const a = Array.from({ length: rand(12) }, () => "abcd"[rand(4)]!);
    const b = Array.from({ length: rand(12) }, () => "abcd"[rand(4)]!);
    const d = diffLines(a, b);
    assert.equal(undiff(d, "+"), a);
    assert.equal(undiff(d, "-"), b);
    assert.is(d.filter((l) => l.sign === " ").length, lcsLength(a, b), `${a.join("")} vs ${b.join("")}`);
  }
  assert.equal(diffLines(["x", "y", "z"], ["x", "Y", "z"]), [
    { sign: " ", text: "x" },
    { sign: "-", text: "y" },
    { sign: "+", text: "Y" },
    { sign: " ", text: "z" },
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
