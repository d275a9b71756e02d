// The back ends, one suite per target, over the programs of tests/backend/.
// Each NAME.<il> (NAME.lcfg, NAME.lalloc, NAME.la64homes, ...) is a program of
// that IL written in its printed syntax (il/read.ts), headed by comment lines:
// what the case is about, then what it expects beyond its outcome:
//
//   // expect [TARGET] STAGE: [no] /REGEX/ [N times] [-- why]
//   // expect live: N
//
// STAGE is `asm`, the assembly text, or an IL: the program after the last pass
// that writes it, printed. TARGET limits an expectation to one target. `live`
// is how many objects the interpreters that count references must find live
// when main returns (0 when not said). The runs are beside the program, as
// beside a golden program (tests/golden-programs.ts): NAME.in, .out, .err,
// .status, and NAME.LABEL.* for more inputs; a numbered LABEL is run by the
// binaries only.
//
// On every target whose pipeline (passes/pipeline.ts) reads the IL, the passes
// from the first that reads it run with the driver's checking loop: each
// output in its IL, each IL's interpreter (the machine models, from
// instruction selection on) giving the outcome beside the program; compiling
// again gives the same assembly; the binary gives the outcome too
// (tests/checked-runs.ts). Then random Lcfg programs: every model, and the
// binaries, do what the Lcfg interpreter does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Start } from "../driver/driver.js";
import { assembleAndLink } from "../driver/toolchain.js";
import type { IL } from "../il/define.js";
import { ilName, type Pass } from "../il/pass.js";
import { printNode } from "../il/print.js";
import { readProgram } from "../il/read.js";
import { findIL } from "../ir-defs/index.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { interpreterFor } from "../interp/index.js";
import { backEnds, pipeline } from "../passes/pipeline.js";
import { randomLcfgProgram } from "./backend-random.js";
import { assemblyAgain, checkBinary, checkLargeRun, checkRun } from "./checked-runs.js";
import { backendDir, loadGoldens, type Golden, type Run } from "./golden-programs.js";

interface Expectation {
  readonly line: string;
  readonly target: Target | null;
  readonly stage: string;
  readonly present: boolean;
  readonly pattern: RegExp;
  readonly times: number | null;
}

interface Case extends Golden {
  readonly il: IL;
  readonly program: unknown;
  /** The header's first line: what the case is about. */
  readonly description: string;
  readonly expectations: readonly Expectation[];
  readonly live: number;
}

const expectationLine = new RegExp(`^expect(?: (${targets.join("|")}))? (\\w+): (no )?/(.*?)/(?: (\\d+) times?)?(?: -- .*)?$`);

/** A program file read: its header's description and expectations, and its program (the header's lines left blank, so a read error's line is the file's). */
function caseOf(g: Golden): Case {
  const il = findIL(g.extension);
  if (!il) throw new Error(`${g.path}: no IL is called ${g.extension}`);
  const header = /^(?:\/\/.*\n)*/.exec(g.source)![0];
  const description: string[] = [];
  const expectations: Expectation[] = [];
  let live = 0;
  for (const line of header.split("\n").filter((l) => l !== "").map((l) => l.replace(/^\/\/ ?/, ""))) {
    if (!line.startsWith("expect")) description.push(line);
    else if (/^expect live: \d+$/.test(line)) live = Number(line.slice("expect live: ".length));
    else {
      const m = expectationLine.exec(line);
      if (!m) throw new Error(`${g.path}: cannot read \`// ${line}\``);
      expectations.push({ line, target: (m[1] as Target | undefined) ?? null, stage: m[2]!, present: !m[3], pattern: new RegExp(m[4]!, "g"), times: m[5] ? Number(m[5]) : null });
    }
  }
  const program = readProgram(il, header.replace(/[^\n]/g, "") + g.source.slice(header.length));
  return { ...g, il, program, description: description[0] ?? "", expectations, live };
}

/** The target's passes from the first that reads `il`; null when none does. */
function passesFrom(il: IL, target: Target): readonly Pass[] | null {
  const passes = pipeline(target);
  const first = passes.findIndex((p) => p.from === il);
  return first < 0 ? null : passes.slice(first);
}

/** The text an expectation looks at: the assembly, or the printed program of the last step that writes its IL. */
function stageText(stage: string, steps: ReturnType<typeof checkRun>["steps"], asm: string): string | null {
  if (stage === "asm") return asm;
  const step = [...steps].reverse().find((s) => ilName(s.pass.to) === stage);
  return step && typeof step.pass.to !== "string" ? printNode(step.pass.to, step.output) : null;
}

function checkExpectation(e: Expectation, text: string | null, target: Target): void {
  const where = `${target}: \`// ${e.line}\``;
  assert.type(text, "string", `${where}: no pass writes ${e.stage}`);
  const found = text!.match(e.pattern)?.length ?? 0;
  if (!e.present) assert.is(found, 0, where);
  else if (e.times !== null) assert.is(found, e.times, where);
  else assert.ok(found > 0, where);
}

const dir = mkdtempSync(join(tmpdir(), "qnano-backend-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const cases = loadGoldens(backendDir, (extension) => findIL(extension) !== undefined).map(caseOf);
let binaries = 0;

for (const target of targets) {
  const test = suite(`back end on ${target}`);
  for (const c of cases) {
    const passes = passesFrom(c.il, target);
    if (passes === null) continue; // a program of the other target's ILs
    test(`${c.name}: ${c.description}`, () => {
      const start: Start = { program: c.program, il: c.il, check: true, context: { file: c.path, source: c.source } };
      const exe = join(dir, `${c.name}.${target}`);
      const [first, ...others] = [c as Run, ...c.more.filter((r) => !r.large)].map((run) => ({ run, ...checkRun(start, passes, run, { live: c.live }) }));
      const { steps, asm } = first!;
      assert.ok(steps.some((s) => s.pass === backEnds[target].at(-2) && s.outcome), `the machine model of ${ilName(backEnds[target].at(-2)!.to)} ran`);
      assert.ok(asm.endsWith("\n"), "the assembly ends with a newline");
      assert.is(assemblyAgain(start, passes), asm, "compiling twice gives the same assembly");
      for (const e of c.expectations) if (e.target === null || e.target === target) checkExpectation(e, stageText(e.stage, steps, asm), target);
      assembleAndLink(asm, target, exe);
      for (const r of [first!, ...others]) checkBinary(exe, target, r.run, r.live);
      for (const run of c.more.filter((r) => r.large)) checkLargeRun(exe, target, run);
    });
  }

  // Random programs: every IL's interpreter, down to the last machine model, gives what the Lcfg interpreter gives.
  const lcfgPasses = passesFrom(Lcfg, target)!;
  const start = (program: unknown): Start => ({ program, il: Lcfg, check: true, context: { file: "random.lcfg", source: "" } });
  const expected = (program: unknown): Run => {
    const o = interpreterFor("Lcfg")!(program);
    return { stdin: "", stdout: o.stdout, stderr: o.panic === null ? "" : `panic: ${o.panic}\n`, status: o.status, panic: o.panic };
  };
  test("random programs: every IL's interpreter agrees with the Lcfg interpreter", () => {
    fc.assert(
      fc.property(randomLcfgProgram, (program) => {
        const reference = interpreterFor("Lcfg")!(program);
        // What the world sees; the models count objects (none here), the Lcfg interpreter does not.
        checkRun(start(program), lcfgPasses, expected(program), { each: (where, o) => assert.equal({ ...o, live: null }, { ...reference, live: null }, where) });
      }),
      { numRuns: 300, seed: 8664 },
    );
  });
  test("random programs: the binaries agree with the Lcfg interpreter", () => {
    fc.assert(
      fc.property(randomLcfgProgram, (program) => {
        const run = expected(program);
        const { asm, live } = checkRun(start(program), lcfgPasses, run);
        const exe = join(dir, `random${binaries++}.${target}`);
        assembleAndLink(asm, target, exe);
        checkBinary(exe, target, run, live);
      }),
      { numRuns: 25, seed: 8665 },
    );
  });
  test.run();
}
