// The quick property run of every `npm test` (the long one is `qnano props`):
// generated programs type-check and cover every construct of the generator;
// a few hundred of them go through every pass (validation and interpreter
// agreement), the determinism check, and real binaries on both targets; and
// every saved regression (tests/regressions/) is replayed like a golden program,
// with the same checks (tests/checked-runs.ts), or, for a bad program, its
// diagnostics are compared.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { splitProgram, writeProgram } from "../props/generator-modules.js";
import { assembleAndLink } from "../driver/toolchain.js";
import { targets } from "../ir-defs/targets.js";
import { passContext } from "../driver/driver.js";
import type { Warning } from "../il/pass.js";
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { readProgram } from "../il/read.js";
import { packageRoot } from "../driver/paths.js";
import { checkBinary, checkRun } from "./checked-runs.js";
import { isRejected, loadGoldens } from "./golden-programs.js";
import { renderDiagnosticsOf } from "./golden-diagnostics.js";
import { checkTypes } from "../passes/check-types.js";
import { parse } from "../passes/parse.js";
import { resolveModules } from "../passes/resolve-modules.js";
import { pipeline } from "../passes/pipeline.js";
import { suffixLabels } from "../props/batch.js";
import { checkProgram } from "../props/check.js";
import { constructsFor, defaultGenerator, programs, type Generated, type GeneratorOptions } from "../props/generator.js";
import { allOperandPairs, operandPairsFor } from "../props/operand-pairs.js";
import { describeFailure, runProperties, type PropsReport } from "../props/run.js";
import { quickRun, quickRunOperandPairs, quickUnions } from "./props/quick.js";
import { scratchCopy } from "./props/scratch.js";

const regressionsDir = join(packageRoot, "tests", "regressions");
const dir = mkdtempSync(join(tmpdir(), "qnano-regressions-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

const generator = suite("property generator");

/** `runs` programs of the generator with these switches parse and type-check without a warning, and show every construct. */
function everyConstruct(options: GeneratorOptions, runs: number): void {
  const seen = new Map<string, number>();
  for (const g of fc.sample(programs(options), { numRuns: runs, seed: quickRun.seed })) {
    const warnings: Warning[] = [];
    const file = g.modules ? writeProgram(dir, g.source, g.modules) : "generated.qs"; // (a program of modules: its files in a folder)
    const context = passContext(file, g.source, warnings);
    checkTypes.run(resolveModules.run(parse.run(g.source, context), context), context); // throws a CompileError when not
    assert.equal(warnings.map((w) => w.message), [], `warnings on:\n${g.source}`);
    for (const c of g.constructs) seen.set(c, (seen.get(c) ?? 0) + 1);
  }
  const missing = constructsFor(options).filter((c) => !seen.has(c));
  assert.equal(missing, [], `constructs never generated in ${runs} programs: ${missing.join(", ")}`);
}

generator("without unions: every generated program parses and type-checks, and every construct appears", () => everyConstruct({ unions: false }, 1000));

// With the `unions` switch the same number of values spreads over more types (Option, Result, the
// program's unions), so each older construct is about half as common: twice the programs.
generator("with unions: every generated program parses and type-checks without a warning, and every construct appears, the older ones too", () => everyConstruct({ unions: true }, 2000));

// Splitting a program into modules draws no value from the random sequence the constructs come
// from, so the rarest older ones (a record in a record, the field of a call's result: about 1 in
// 250 programs) need as many programs as with unions alone.
generator("with modules: every generated program, some split into two files, parses and type-checks, and every construct appears", () => everyConstruct({ unions: true, modules: true }, 2000));

// A split program whose match binds K0 (a name of the generator's variables) over a moved const
// K0: the binder's item stays unqualified, and its K0 is the binder's Bool, not lib.K0.
generator("with modules: a pattern's binder that shadows a moved const keeps its item unqualified", () => {
  const whole = "const K0: Int = 5\n\nfn f(o: Option[Bool]) -> Bool {\n  match o {\n    Some(K0) => {\n      K0\n    }\n    None => {\n      false\n    }\n  }\n}\n\nfn main() {\n  print(f(Some(true)))\n  print(K0)\n}\n";
  const split = splitProgram(readProgram(LsrcIL, whole) as Lsrc.Program, [true, false, false], { qualified: true, twins: false });
  assert.ok(split !== null);
  const file = writeProgram(dir, split.source, split.modules);
  const context = passContext(file, split.source, []);
  checkTypes.run(resolveModules.run(parse.run(split.source, context), context), context); // throws a CompileError when not
  assert.match(split.source, /print\(lib\.K0\)/);
});

const unionOperandPairs = operandPairsFor({ unions: true }).filter((p) => !allOperandPairs.includes(p));

// Until the passes below check-types compile unions, what exists today checks the programs with them
// (once they do, the quick run below does, with every pass: props/generator-unions.ts, defaultGenerator).
if (!defaultGenerator.unions) {
  generator(`with unions: ${quickUnions.runs} programs parse back into the tree they were printed from, and the Lsrc and Ltyped interpreters give its meaning within fuel`, async () => {
    const report = await runProperties({ ...quickUnions, targets: [], endToEnd: false, until: "check-types", generator: { unions: true }, regressions: null });
    if (report.failure) assert.unreachable(describeFailure(report.failure));
    assert.is(report.runs, quickUnions.runs);
    for (const pass of ["parse", "check-types"]) assert.is(report.tally.get(pass), quickUnions.runs, pass);
    const covered = unionOperandPairs.filter((p) => report.pairs.has(p));
    assert.ok(covered.length >= quickUnions.unionPairs, `${covered.length} of the ${unionOperandPairs.length} operand pairs of match, try and constructors; not yet: ${unionOperandPairs.filter((p) => !report.pairs.has(p)).join(", ")}`);
  });
}

generator("with unions, the same seed gives the same programs", () => {
  const a = fc.sample(programs({ unions: true }), { numRuns: 20, seed: 5 }).map((g) => g.source + g.stdin);
  const b = fc.sample(programs({ unions: true }), { numRuns: 20, seed: 5 }).map((g) => g.source + g.stdin);
  assert.equal(a, b);
});

generator("with unions, a failing program shrinks to a smaller one that still type-checks", () => {
  // A stand-in failure: any program that matches on a union of its own.
  const fails = (g: Generated) => g.constructs.has("match on union") && g.constructs.has("recursive union");
  let first: Generated | null = null;
  const details = fc.check(
    fc.property(programs({ unions: true }), (g) => {
      if (!fails(g)) return true;
      first ??= g;
      return false;
    }),
    { numRuns: 300, seed: quickRun.seed },
  );
  assert.ok(details.failed && first !== null, "no program matches on a recursive union");
  const [shrunk] = details.counterexample as [Generated];
  assert.ok(shrunk.source.length < (first as Generated).source.length / 2, `shrunk from ${(first as Generated).source.length} to ${shrunk.source.length} characters:\n${shrunk.source}`);
  const context = passContext("generated.qs", shrunk.source);
  checkTypes.run(resolveModules.run(parse.run(shrunk.source, context), context), context);
});

generator("the same seed gives the same programs", () => {
  const a = fc.sample(programs(), { numRuns: 20, seed: 5 }).map((g) => g.source + g.stdin);
  const b = fc.sample(programs(), { numRuns: 20, seed: 5 }).map((g) => g.source + g.stdin);
  assert.equal(a, b);
});

generator("a program that does not mean what its tree means is caught", async () => {
  const tree = parse.run("fn main() {\n    print(1)\n}\n", { file: "t.qs", source: "" });
  const failure = await checkProgram(tree, "fn main() {\n    print(2)\n}\n", "", { targets, endToEnd: false });
  assert.is(failure?.property, "parse");
});

generator.run();

const properties = suite("properties on generated programs");

let quick: PropsReport | null = null;

properties(`${quickRun.runs} programs: every pass, determinism, and binaries on ${targets.join(" and ")}`, async () => {
  const report = await runProperties({ ...quickRun, targets, endToEnd: true, regressions: null });
  quick = report;
  if (report.failure) assert.unreachable(describeFailure(report.failure));
  assert.is(report.runs, quickRun.runs);
  for (const target of targets) assert.is(report.tally.get(`end to end (${target})`), quickRun.runs, `binaries run on ${target}`);
});

properties(`the same programs put side effects in at least ${quickRunOperandPairs} of the ${allOperandPairs.length} operand pairs${defaultGenerator.unions ? `, and ${quickUnions.unionPairs} of the ${unionOperandPairs.length} of match, try and constructors` : ""}`, () => {
  if (quick === null) return assert.unreachable("the quick run did not run");
  const covered = quick.pairs;
  const missing = allOperandPairs.filter((p) => !covered.has(p));
  const count = allOperandPairs.length - missing.length;
  assert.ok(count >= quickRunOperandPairs, `${count} of ${allOperandPairs.length} operand pairs covered; not yet: ${missing.join(", ")}`);
  if (defaultGenerator.unions) {
    const theirs = unionOperandPairs.filter((p) => covered.has(p));
    assert.ok(theirs.length >= quickUnions.unionPairs, `${theirs.length} of the ${unionOperandPairs.length} operand pairs of match, try and constructors; not yet: ${unionOperandPairs.filter((p) => !covered.has(p)).join(", ")}`);
  }
  // The gap of issue 14: a[i] = { i = 2; 7 } was never generated.
  assert.ok(covered.has("assignment-to-earlier-operand in index-store.value"));
});

properties.run();

const regressions = suite("saved regressions (tests/regressions/)");

for (const g of loadGoldens(regressionsDir)) {
  // A bad program (found by `qnano fuzz`, say): it must get exactly these diagnostics (NAME.err, status 1), and no crash.
  if (isRejected(g)) {
    regressions(`${g.name}: rejected with its diagnostics`, () => assert.fixture(renderDiagnosticsOf(g.source, g.path), g.stderr));
    continue;
  }
  for (const target of targets) {
    regressions(`${g.name} on ${target}`, () => {
      const { asm, live } = checkRun({ source: g.source, file: g.path }, pipeline(target), g);
      const exe = join(dir, `${g.name}.${target}`);
      assembleAndLink(asm, target, exe);
      checkBinary(exe, target, g, live);
    });
  }
}

regressions.run();

const commands = suite("qnano props and qnano bisect");

// uvu sets FORCE_COLOR for itself (and node then warns on stderr that it overrides NO_COLOR); a user's terminal would not.
const { FORCE_COLOR: _, ...withoutForceColor } = process.env;

function qnano(args: string[], root = packageRoot) {
  const r = spawnSync(process.execPath, [join(root, "dist", "cli", "main.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...withoutForceColor, NO_COLOR: "1" } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

commands("props runs, says what it checked, and exits 0 when every property holds", () => {
  const r = qnano(["props", "--runs", "12", "--seed", "3"]);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^12 programs in /);
  assert.match(r.stdout, /\n {2}remove-complex-operands +12\n/);
  assert.match(r.stdout, /\n {2}end to end \(aarch64\) +12\n/);
  assert.match(r.stdout, /constructs covered: \d+ of \d+/);
  assert.match(r.stdout, new RegExp(`\\noperand pairs covered \\(construct in operand position\\): \\d+ of ${operandPairsFor().length} \\(--verbose lists the \\d+ not yet covered\\)\\n`));
  assert.match(r.stdout, /all properties hold\n$/);
  assert.match(r.stderr, /seed 3, 12 programs/);
});

commands("props --pass checks one pass; bad options are usage errors", () => {
  const r = qnano(["props", "--runs", "5", "--seed", "4", "--pass", "shrink", "--target", "aarch64"]);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\n {2}shrink +5\n/);
  assert.not.match(r.stdout, /uniquify|end to end|x86_64/);
  assert.is(qnano(["props", "--pass", "nothing"]).status, 2);
  assert.is(qnano(["props", "--time", "soon"]).status, 2);
  assert.is(qnano(["props", "--target", "mips"]).status, 2);
});

commands("props --verbose lists the operand pairs not covered", () => {
  const r = qnano(["props", "--runs", "2", "--seed", "4", "--target", "none", "--verbose"]);
  assert.is(r.status, 0, r.stdout + r.stderr);
  const all = operandPairsFor().length;
  const m = new RegExp(`\\noperand pairs covered \\(construct in operand position\\): (\\d+) of ${all}; not yet:\\n((?: {2}\\S+ in \\S+\\n)+)all properties hold\\n$`).exec(r.stdout);
  assert.ok(m, r.stdout);
  assert.is(m[2]!.split("\n").length - 1, all - Number(m[1]));
});

commands("props --unions --until NAME: unions too, through the shared front end up to NAME only; --until a back-end pass is a usage error", () => {
  const r = qnano(["props", "--runs", "6", "--seed", "4", "--unions", "--until", "check-types"]);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /seed 4, 6 programs, the front end up to check-types, with unions/);
  assert.match(r.stdout, /\n {2}parse +6\n {2}resolve-modules +6\n {2}check-types +6\n/);
  assert.not.match(r.stdout, /uniquify|end to end/);
  assert.match(r.stdout, new RegExp(`\\noperand pairs covered \\(construct in operand position\\): \\d+ of ${operandPairsFor({ unions: true }).length} `));
  assert.is(qnano(["props", "--until", "emit-asm"]).status, 2);
  assert.is(qnano(["props", "--until", "parse"]).status, 2);
});

const gcd = join(packageRoot, "tests", "programs", "gcd.qs");

commands("bisect says when every pass agrees (reading FILE.in as input)", () => {
  const r = qnano(["bisect", gcd]);
  assert.is(r.status, 0, r.stderr);
  // Every pass that writes an IL: the shared front end once, then each back end.
  const count = new Set(targets.flatMap((t) => pipeline(t).filter((p) => typeof p.to !== "string"))).size;
  assert.match(r.stdout, new RegExp(`^all ${count} passes agree \\(x86_64 and aarch64\\): status 0; 5 line\\(s\\) of output`));
});

commands("bisect says when the interpreters all stopped on their own stack, not the program's (a deep recursion)", () => {
  const file = join(dir, "deep.qs");
  writeFileSync(file, "fn depth(n: Int) -> Int {\n    if n == 0 { 0 } else { 1 + depth(n - 1) }\n}\nfn main() {\n    print(depth(1000000))\n}\n");
  const r = qnano(["bisect", file]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /passes agree \(x86_64 and aarch64\): panic: stack overflow \(status 101\), of the interpreter's own stack \(10,000 calls, or fewer when JavaScript's stack is full\): a compiled program goes much deeper; 0 line/);
});

commands("bisect names the first bad pass of a broken compiler and shows the programs around it", () => {
  const root = scratchCopy({
    name: "shrink: && becomes ||",
    file: "passes/shrink.js",
    from: `case "&&": return { kind: "If", cond: left, then: blockOf(right, loc), else: blockOf({ kind: "Bool", value: false, loc }, loc), loc };`,
    to: `case "&&": return { kind: "If", cond: left, then: blockOf({ kind: "Bool", value: true, loc }, loc), else: blockOf(right, loc), loc };`,
  });
  try {
    const file = join(dir, "and.qs");
    writeFileSync(file, "fn main() {\n    let a = 1 < 0\n    print(a && true)\n}\n");
    const r = qnano(["bisect", file, "--target", "x86_64"], root);
    assert.is(r.status, 1);
    assert.match(r.stdout, /^first bad pass: shrink \(Lclosed -> Lshrunk\): it changed the meaning: Lshrunk gives .*stdout "true\\n"; the source gives .*stdout "false\\n"/);
    assert.match(r.stdout, /\nbefore \(Lclosed\):\nfn main\(\) -> Unit \{\n.*\(a\.1 && true\)/s);
    assert.match(r.stdout, /\nafter \(Lshrunk\):\nfn main\(\) -> Unit \{\n.*if a\.1 \{\n\s+true/s);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

const bisectInputs = join(packageRoot, "tests", "bisect");

commands("bisect type-checks first: an ill-typed program gets the diagnostic `build` gives, and status 1 (tests/bisect/ill-typed.qs)", () => {
  const file = join(bisectInputs, "ill-typed.qs");
  const r = qnano(["bisect", file]);
  assert.is(r.status, 1, r.stdout + r.stderr);
  assert.is(r.stdout, "");
  assert.match(r.stderr, /ill-typed\.qs:4:15: error: expected Int, found Bool/);
  assert.not.match(r.stderr, /internal error/);
  assert.is(r.stderr, qnano(["build", file, "-o", join(dir, "ill-typed")]).stderr);
});

commands("bisect blames no pass where an interpreter only gave up: the program is too big for the interpreters there (tests/bisect/too-deep.qs)", () => {
  const r = qnano(["bisect", join(bisectInputs, "too-deep.qs"), "--target", "x86_64"]);
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /^the program is too big for the interpreters at [a-z-]+ \(\w+ -> \w+\): \w+ gives status 0; 1 line\(s\) of output, stdout "100000\\n"; the source gives panic: stack overflow \(status 101\)/);
  assert.match(r.stdout, /\(the interpreter of the source filled its stack \(10,000 nested calls, or JavaScript's\)\)\n/);
  assert.match(r.stdout, /bisect blames no pass \(the \d+ passes before agree\)\.\n$/);
  assert.not.match(r.stdout, /first bad pass/);
});

commands.run();

const batches = suite("batch binaries for the end-to-end property");

batches("each program's labels get its suffix; strings and everything else stay", () => {
  const asm = ['        .globl qn_main', 'qn_main:', '        jmp main.start', 'main.start:', '        leaq .Lstr0(%rip), %rdi', '        callq qn_panic', '.Lstr0:', '        .ascii "main.start"', ""].join("\n");
  assert.is(
    suffixLabels(asm, 7),
    ['        .globl qn_main_p7', 'qn_main_p7:', '        jmp main.start_p7', 'main.start_p7:', '        leaq .Lstr0_p7(%rip), %rdi', '        callq qn_panic', '.Lstr0_p7:', '        .ascii "main.start"', ""].join("\n"),
  );
});

batches.run();
