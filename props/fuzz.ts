// The fuzzer behind `qnano fuzz`, `npm run fuzz` and the short seeded fuzz
// of `npm test` (tests/fuzz.test.ts). Where the properties (props/run.ts)
// check well-typed generated programs, the fuzzer throws anything at the
// compiler and asks only that it answer with a program or a diagnostic, and
// that a program mean what its source means.
//
// Each input is a mutation of a program of the corpus: the golden programs
// (tests/programs/), the regressions (tests/regressions/), the bad programs
// of the diagnostics goldens (tests/diagnostics/) and fresh programs from the
// property generator. A mutation works on the parsed tree where there is one
// (props/mutate-tree.ts), on the tokens or on the raw bytes
// (props/mutate-text.ts), one to a few at a time. Each input then goes
// through the judge (props/fuzz-judge.ts): the whole compiler in process, in
// checked mode, for both targets, and every IL's interpreter. Inputs are
// taken in chunks; after each chunk, the programs that compiled are built into
// one binary per target (props/batch.ts), which catches `as` or `ld`
// refusing our assembly, and those the interpreters could judge are run and
// compared with the source's outcome.
//
// A bad outcome is known by its signature (props/fuzz-judge.ts); the first
// input with a new one is minimised (props/minimise.ts) and, when asked,
// saved in the golden format, like a property failure, so that every later
// `npm test` replays it. The same seed gives the same inputs; with no wall-time
// budget (`budgetMs: null`, as in `npm test`) everything runs in this thread
// and a hang is judged only by the interpreters' fuel. With a budget (`qnano
// fuzz`), the judge runs in a worker thread (props/fuzz-worker.ts) that is
// stopped when one step of it (a pass, an interpreter) takes longer: a hang.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { packageRoot } from "../driver/paths.js";
import { quastraSource } from "../front-end/quastra-source.js";
import type { AnyNode } from "../il/node.js";
import type { Target } from "../ir-defs/targets.js";
import { interpreterFor } from "../interp/index.js";
import { checkTypes } from "../passes/check-types.js";
import type { Outcome } from "../interp/runtime-model.js";
import { batchBinary, buildBatch, inParallel, runBinaryAsync } from "./batch.js";
import { binaryVerdict } from "./check.js";
import { fuzzFile, judge, judgeDefaults, normalise, type Bad, type FuzzInput, type JudgeOptions, type Judgement } from "./fuzz-judge.js";
import { defaultGenerator, programs, type GeneratorOptions } from "./generator.js";
import { minimise } from "./minimise.js";
import { maxInputBytes, mutateBytes, mutateTokens } from "./mutate-text.js";
import { mutateTree, parsedTree, repairNames } from "./mutate-tree.js";
import { random, type Random } from "./random.js";
import { edgeInts } from "./skeleton.js";

/** A program to mutate: its text, its input, and its tree when it parses. */
export interface Seed {
  readonly name: string;
  readonly source: string;
  readonly stdin: string;
  readonly tree: AnyNode | null;
}

export interface FuzzOptions {
  readonly seed: number;
  /** Stop after this many inputs. */
  readonly inputs?: number;
  /** Stop starting new inputs at this time (ms since the epoch). */
  readonly deadline?: number;
  readonly targets: readonly Target[];
  /** Build, link and run binaries of the programs that compile. */
  readonly binaries: boolean;
  /** Wall time one step (a pass, an interpreter) may take on one input (ms); null: no limit, everything in this thread. */
  readonly budgetMs: number | null;
  /** Where to save minimised findings in the golden format; null: not saved. */
  readonly out: string | null;
  /** Trials per minimisation, and (wall time) how long one may take. */
  readonly minimise: { readonly trials: number; readonly ms?: number };
  /** The corpus (default: the tests' programs, regressions and diagnostics). */
  readonly corpus?: readonly Seed[];
  readonly onProgress?: (p: FuzzProgress) => void;
}

export interface FuzzProgress {
  readonly inputs: number;
  readonly findings: number;
  /** What the fuzzer is doing now, when it is not trying inputs. */
  readonly busy: string | null;
}

/** One distinct bad outcome. */
export interface Finding {
  readonly bad: Bad;
  /** The first input that showed it, its base program and the mutations that made it. */
  readonly input: FuzzInput;
  readonly base: string;
  readonly how: readonly string[];
  /** The minimised input (null when the bad outcome did not show again: flaky). */
  minimised: FuzzInput | null;
  /** Inputs that showed it. */
  count: number;
  /** The .qs file saved, if any. */
  saved: string | null;
}

export interface FuzzReport {
  readonly inputs: number;
  readonly ms: number;
  /** Inputs per outcome: rejected (diagnostics), compiled and judged, compiled but not judged (fuel, stack or memory), bad; binaries run per target. */
  readonly tally: ReadonlyMap<string, number>;
  readonly findings: readonly Finding[];
}

/** Inputs judged before the binaries of those that compiled are built. */
export const chunkSize = 60;

// ---------------------------------------------------------------- corpus

/** The programs of the tests: golden programs, regressions and the diagnostics goldens' bad programs. */
export function loadCorpus(root = packageRoot): Seed[] {
  const seeds: Seed[] = [];
  for (const folder of ["tests/programs", "tests/regressions", "tests/diagnostics"]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".qs")).sort()) {
      const source = readFileSync(join(dir, f), "utf8");
      const input = join(dir, f.replace(/\.qs$/, ".in"));
      seeds.push({ name: `${folder}/${f}`, source, stdin: existsSync(input) ? readFileSync(input, "utf8") : "", tree: parsedTree(source) });
    }
  }
  return seeds;
}

/** A few fresh programs of the property generator (props/generator.ts). With its `unions` switch
 * on, half of them are made without it: a mutation of a program with unions is mostly rejected
 * (its typing is tighter), and the fuzzer would judge fewer inputs. */
function generatedSeeds(seed: number, count: number): Seed[] {
  const sample = (options: GeneratorOptions, n: number) => fc.sample(programs(options), { seed, numRuns: n });
  const made = defaultGenerator.unions ? [...sample({ unions: false }, count >> 1), ...sample(defaultGenerator, count - (count >> 1))] : sample(defaultGenerator, count);
  return made.map((g, i) => ({ name: `generated (seed ${seed}, #${i})`, source: g.source, stdin: g.stdin, tree: g.program as unknown as AnyNode }));
}

// ---------------------------------------------------------------- inputs

const oddInputLines = ["", "abc", "-0", "+1", " 7 ", "9223372036854775808", "1 2", ...edgeInts.map(String)];

/** One input: a seed mutated one to a few times, on its tree, its tokens or its bytes. */
export function mutateInput(r: Random, base: Seed, donors: readonly Seed[]): { input: FuzzInput; how: string[] } {
  const how: string[] = [];
  const donor = r.pick(donors);
  let source = base.source;
  const mode = base.tree === null ? r.weighted([[3, "tokens"], [1, "bytes"]] as const) : r.weighted([[7, "tree"], [2, "tokens"], [1, "bytes"]] as const);
  const times = r.few(4);
  if (mode === "tree") {
    let tree = base.tree!;
    const trees = donors.flatMap((d) => (d.tree ? [d.tree] : []));
    try {
      for (let k = 0; k < times; k++) {
        const m = mutateTree(tree, r, [r.pick(trees), r.pick(trees)]);
        if (m === null) break;
        tree = m.tree;
        how.push(m.how);
      }
      if (how.length > 0 && r.chance(0.7)) tree = repairNames(tree, r);
      source = quastraSource(tree as never);
    } catch (e) {
      // Nestings stacked on nestings: deeper than this thread's stack walks. The base program instead.
      if (!(e instanceof RangeError)) throw e;
      how.length = 0;
    }
  }
  const textual = mode === "tree" ? (r.chance(0.1) ? 1 : 0) : times;
  for (let k = 0; k < textual; k++) {
    const m = (mode === "bytes" || (mode === "tree" && r.chance(0.5)) ? mutateBytes(source, r) : mutateTokens(source, r, donor.source));
    if (m === null || Buffer.byteLength(m.text) > maxInputBytes) continue;
    source = m.text;
    how.push(m.how);
  }
  let stdin = base.stdin;
  if (r.chance(0.1)) {
    const lines = stdin === "" ? [] : stdin.replace(/\n$/, "").split("\n");
    const at = r.int(lines.length + 1);
    lines.splice(at, r.int(2), ...(r.chance(0.7) ? [r.pick(oddInputLines)] : []));
    stdin = lines.map((l) => `${l}\n`).join("");
    how.push("stdin");
  }
  return { input: { source, stdin }, how };
}

// ---------------------------------------------------------------- judging, in this thread or in a worker

interface Judge {
  judge(input: FuzzInput): Promise<Judgement>;
  close(): void;
}

function inThisThread(options: JudgeOptions): Judge {
  return { judge: async (input) => judge(input, options), close: () => {} };
}

/** The judge in a worker thread, stopped (and replaced) when one step of it (a pass, an interpreter) takes longer than `budgetMs`: a hang. */
function inWorker(options: JudgeOptions, budgetMs: number): Judge {
  let worker: Promise<Worker> | null = null;
  // Ready once it has loaded the compiler (it says so): loading is not part of any input's time.
  const start = () =>
    new Promise<Worker>((resolve, reject) => {
      // About the main thread's stack, so that what overflows here overflows in `qnano build` too.
      const w = new Worker(new URL("./fuzz-worker.js", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 3072, stackSizeMb: 1 } });
      w.unref();
      w.once("message", () => resolve(w));
      w.once("error", reject);
    });
  return {
    async judge(input) {
      const w = await (worker ??= start());
      return new Promise((resolve) => {
        let step = "parse";
        let timer: NodeJS.Timeout;
        const done = (j: Judgement) => {
          clearTimeout(timer);
          w.removeAllListeners("message");
          w.removeAllListeners("error");
          resolve(j);
        };
        const stop = (bad: Bad) => {
          void w.terminate();
          worker = null;
          done({ kind: "bad", bad });
        };
        const watch = () => {
          clearTimeout(timer);
          timer = setTimeout(() => stop({ kind: "hang", where: step, message: `${step} took over ${budgetMs / 1000} s on one input`, signature: `hang in ${step}` }), budgetMs);
        };
        watch();
        w.on("message", (m: { step: string } | { judgement: Judgement }) => {
          if ("judgement" in m) return done(m.judgement);
          step = m.step;
          watch();
        });
        w.on("error", (e) => {
          const message = `${e.name}: ${e.message}`;
          stop({ kind: "internal error", where: "compile", message, signature: `internal error in the compiler's thread: ${normalise(message)}` });
        });
        w.postMessage({ input, options });
      });
    },
    close: () => void worker?.then((w) => w.terminate()),
  };
}

// ---------------------------------------------------------------- binaries

interface Compiled {
  readonly input: FuzzInput;
  readonly expected: Outcome | null;
  readonly assembly: ReadonlyMap<Target, string>;
  readonly base: string;
  readonly how: readonly string[];
}

/** What `as` or `ld` said, without paths and numbers: the bad outcome of a program whose assembly does not build. */
function toolchainBad(target: Target, error: unknown): Bad {
  const text = `${(error as { stderr?: string }).stderr ?? ""}\n${(error as Error).message}`;
  const line = text.split("\n").find((l) => /error|undefined|relocation/i.test(l)) ?? (error as Error).message;
  const what = line.replace(/^[^:]*\.s:\d+: /, "").replace(/\/tmp\/\S+/g, "FILE");
  return { kind: "toolchain", where: `as/ld (${target})`, message: what.slice(0, 500), signature: `as/ld (${target}) rejects our assembly: ${normalise(what)}` };
}

/** Builds one program alone for a target; null when it builds, else the bad outcome. */
async function buildAlone(asm: string, target: Target, out: string): Promise<Bad | null> {
  try {
    await buildBatch([asm], target, out);
    return null;
  } catch (e) {
    return toolchainBad(target, e);
  }
}

/** The program alone on one target: null when its binary does what the source says, else the bad outcome. */
async function binaryBad(c: Compiled, target: Target): Promise<Bad | null> {
  const dir = mkdtempSync(join(tmpdir(), "qnano-fuzz-"));
  try {
    const exe = batchBinary(dir, target);
    const built = await buildAlone(c.assembly.get(target)!, target, exe);
    if (built !== null || c.expected === null) return built;
    return verdictBad(binaryVerdict(await runBinaryAsync(exe, target, `0\n${c.input.stdin}`), c.expected, target), target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const verdictBad = (verdict: string | null, target: Target): Bad | null =>
  verdict === null ? null : { kind: "binary", where: `binary (${target})`, message: verdict, signature: `binary (${target}) does not do what the interpreters say` };

/** Every compiled program of a chunk built into one binary per target (each alone when the batch does not build), and run when it can be judged. */
async function endToEnd(list: readonly Compiled[], targets: readonly Target[], tally: Map<string, number>): Promise<{ readonly c: Compiled; readonly bad: Bad }[]> {
  if (list.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), "qnano-fuzz-batch-"));
  const found: { c: Compiled; bad: Bad }[] = [];
  try {
    for (const target of targets) {
      let members = [...list];
      try {
        await buildBatch(members.map((c) => c.assembly.get(target)!), target, batchBinary(dir, target));
      } catch {
        // Find the programs whose assembly does not build; the batch is the others.
        const alone = await Promise.all(members.map((c, k) => buildAlone(c.assembly.get(target)!, target, join(dir, `alone-${k}`))));
        alone.forEach((bad, k) => bad && found.push({ c: members[k]!, bad }));
        members = members.filter((_, k) => alone[k] === null);
        if (members.length === 0) continue;
        await buildBatch(members.map((c) => c.assembly.get(target)!), target, batchBinary(dir, target));
      }
      const runs = members.flatMap((c, k) => (c.expected === null ? [] : [{ c, k }]));
      const verdicts = await inParallel(runs.map(({ c, k }) => async () => binaryVerdict(await runBinaryAsync(batchBinary(dir, target), target, `${k}\n${c.input.stdin}`), c.expected!, target)));
      verdicts.forEach((v, i) => {
        const bad = verdictBad(v, target);
        if (bad) found.push({ c: runs[i]!.c, bad });
      });
      tally.set(`binaries run (${target})`, (tally.get(`binaries run (${target})`) ?? 0) + runs.length);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return found;
}

// ---------------------------------------------------------------- the run

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const r = random(options.seed);
  const corpus = options.corpus ?? loadCorpus();
  const judgeOptions: JudgeOptions = { targets: options.targets, ...judgeDefaults };
  const judging = options.budgetMs === null ? inThisThread(judgeOptions) : inWorker(judgeOptions, options.budgetMs);
  const tally = new Map<string, number>();
  const add = (key: string, n = 1) => tally.set(key, (tally.get(key) ?? 0) + n);
  const findings = new Map<string, Finding>();
  let inputs = 0;
  const progress = (busy: string | null) => options.onProgress?.({ inputs, findings: findings.size, busy });
  const more = () => (options.inputs === undefined || inputs < options.inputs) && (options.deadline === undefined || Date.now() < options.deadline);

  /** Whether an input still shows the bad outcome `bad` (the same signature). */
  const stillBad = (bad: Bad) => async (input: FuzzInput): Promise<boolean> => {
    const j = await judging.judge(input);
    if (j.kind === "bad") return j.bad.signature === bad.signature;
    if (j.kind !== "compiled" || (bad.kind !== "binary" && bad.kind !== "toolchain")) return false;
    const target = options.targets.find((t) => bad.where?.includes(t))!;
    const again = await binaryBad({ input, expected: j.expected, assembly: new Map(j.assembly), base: "", how: [] }, target);
    return again?.signature === bad.signature;
  };

  const report = async (bad: Bad, input: FuzzInput, base: string, how: readonly string[]) => {
    add("bad");
    const known = findings.get(bad.signature);
    if (known) {
      known.count++;
      return;
    }
    const finding: Finding = { bad, input, base, how, minimised: null, count: 1, saved: null };
    findings.set(bad.signature, finding);
    // The input as found, kept until its minimised form is saved: minimising runs it
    // again and again, and should that crash this process, the input is not lost.
    const kept = join(tmpdir(), `qnano-fuzz-${digestOf(input, 12)}.qs`);
    writeFileSync(kept, input.source);
    if (input.stdin !== "") writeFileSync(kept.replace(/\.qs$/, ".in"), input.stdin);
    try {
      const busy = `minimising: ${bad.signature} (the input as found: ${kept})`;
      const check = stillBad(bad);
      const test = (candidate: FuzzInput) => {
        progress(busy);
        return check(candidate);
      };
      if (!(await test(input))) return; // flaky: it did not show again
      const deadline = options.minimise.ms === undefined ? undefined : Date.now() + options.minimise.ms;
      const minimised = await minimise(input, test, { trials: bad.kind === "hang" ? Math.min(40, options.minimise.trials) : options.minimise.trials, deadline });
      finding.minimised = minimised;
      if (options.out === null) return;
      // A comment saying what was found heads the file, unless it hides the bug (which may be about the first line).
      let header = `// Found by \`qnano fuzz --seed ${options.seed}\`: ${oneLine(bad.signature)}\n`;
      if (!(await test({ ...minimised, source: header + minimised.source }))) header = "";
      finding.saved = saveFinding(options.out, bad, minimised, header);
    } finally {
      rmSync(kept, { force: true });
      rmSync(kept.replace(/\.qs$/, ".in"), { force: true });
    }
  };

  try {
    for (let chunk = 0; more(); chunk++) {
      const generated = generatedSeeds((options.seed + chunk) | 0, 10);
      const seeds = [...corpus, ...generated];
      const compiled: Compiled[] = [];
      for (let k = 0; k < chunkSize && more(); k++) {
        // Generated programs are well typed and rich: their mutants often get past the type checker.
        const base = r.pick(r.chance(0.4) ? generated : corpus);
        const { input, how } = mutateInput(r, base, seeds);
        inputs++;
        const j = await judging.judge(input);
        if (j.kind === "rejected") add("rejected");
        else if (j.kind === "compiled") {
          add(j.expected === null ? "compiled, not judged" : "compiled and judged");
          if (options.binaries && options.targets.length > 0) compiled.push({ input, expected: j.expected, assembly: new Map(j.assembly), base: base.name, how });
        } else await report(j.bad, input, base.name, how);
        progress(null);
      }
      progress("running binaries");
      for (const { c, bad } of await endToEnd(compiled, options.targets, tally)) await report(bad, c.input, c.base, c.how);
    }
  } finally {
    judging.close();
  }
  return { inputs, ms: performance.now() - started, tally, findings: [...findings.values()] };
}

// ---------------------------------------------------------------- saving a finding

/** The first `digits` hex digits of the SHA-256 of an input (its source and stdin), to name its files. */
const digestOf = (input: FuzzInput, digits: number): string => createHash("sha256").update(input.source + "\0" + input.stdin).digest("hex").slice(0, digits);

/** One line of printable text, for a comment. */
const oneLine = (text: string) => text.replace(/[^\x20-\x7e]+/g, " ").slice(0, 200);

/**
 * Writes the minimised input in the golden format (`NAME.qs` after the
 * header, `NAME.in`); when the front end accepts it and the source
 * interpreter finishes, also what it must do (`NAME.out`, `NAME.err`,
 * `NAME.status`), as `qnano props` saves a failure. For an input the front
 * end crashes on, what it must do is for the fix to say: a diagnostic (then
 * `NAME.err` holds it and `NAME.status` is 1) or a program's outcome.
 * Returns the .qs path.
 */
export function saveFinding(dir: string, bad: Bad, input: FuzzInput, header: string): string {
  const slug = `${bad.kind}-${bad.where ?? ""}`.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase();
  const name = `fuzz-${slug}-${digestOf(input, 8)}`;
  mkdirSync(dir, { recursive: true });
  const base = join(dir, name);
  const source = header + input.source;
  writeFileSync(`${base}.qs`, source);
  if (input.stdin !== "") writeFileSync(`${base}.in`, input.stdin);
  const expected = expectedOutcome(source, input.stdin);
  if (expected !== null) {
    writeFileSync(`${base}.out`, expected.stdout);
    if (expected.panic !== null) writeFileSync(`${base}.err`, `panic: ${expected.panic}\n`);
    if (expected.status !== (expected.panic !== null ? 101 : 0)) writeFileSync(`${base}.status`, `${expected.status}\n`);
  }
  return `${base}.qs`;
}

/** What the program must do by the source semantics, when the front end accepts it and the source interpreter finishes; else null. */
function expectedOutcome(source: string, stdin: string): Outcome | null {
  const context = { file: fuzzFile, source };
  let o: Outcome;
  try {
    const tree = parsedTree(source);
    if (tree === null) return null;
    checkTypes.run(tree as never, context);
    o = interpreterFor("Lsrc")!(tree, { stdin });
  } catch {
    return null;
  }
  return o.outOfFuel || o.panic === "stack overflow" ? null : o;
}
