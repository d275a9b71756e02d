// `npm run bench -- explore`: how fast `qnano explore` is, on the large
// program of scripts/big-program.ts (1,000 to 5,000 lines) and on the golden
// programs. Targets (issue 21): the first screen in under 1 s, every key in
// under 50 ms, and the marks of every program in tests/programs in under 5 s.
//
// - first screen: `qnano explore` started in a real terminal (tmux, 80x24),
//   the time until the screen shows the explorer, then until the first
//   program (parse's), every pass, and every mark;
// - per key: the reducer and Ink's rendering of the screen (React's
//   production build, as `qnano explore` loads it) for a walk through every
//   view of the 5,000-line program, each key timed: as the explorer runs
//   (the screen drawn as each step arrived, as the worker sends them), and
//   cold (the keys right after the first frame, once the renderer has been
//   warmed up as the explorer warms it: explorer-tui/warm-up.ts; and, to
//   compare, without that), each in a process of its own;
// - marks: for each golden program, the worker's whole job as the explorer
//   runs it (compile, print every step, run every IL's interpreter), from its
//   start to its last mark;
// - why examples/collatz.qs takes so much longer: how many steps one run
//   takes in an IL of each level (the tree ILs, Lcfg, the machine models) and
//   how fast each interpreter goes, in this process.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Target } from "../ir-defs/targets.js";
import { compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { hostTarget } from "../driver/toolchain.js";
import { bigProgram } from "./big-program.js";
import { BenchError } from "./timing.js";

const qnano = join(packageRoot, "bin", "qnano.js");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------- the first screen

interface Opening {
  readonly screen: number;
  readonly program: number;
  readonly passes: number;
  readonly marks: number;
}

/** `qnano explore FILE` started in a tmux of its own at 80x24; `body` watches it (`t0`: when
 * Enter was sent), then q ends it and the server goes. */
async function exploring<T>(file: string, socket: string, body: (tmux: (...args: string[]) => ReturnType<typeof spawnSync>, capture: () => string, t0: number) => Promise<T>): Promise<T> {
  const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  const started = tmux("new-session", "-d", "-s", "b", "-x", "80", "-y", "24", "-c", packageRoot, "env -i PATH=/usr/bin:/bin:/usr/local/bin HOME=/tmp TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile");
  if (started.status !== 0) throw new BenchError(`tmux: ${started.stderr}`);
  try {
    tmux("resize-window", "-t", "b", "-x", "80", "-y", "24");
    await sleep(200);
    tmux("send-keys", "-t", "b", `${process.execPath} ${qnano} explore ${file}`, "Enter");
    const result = await body(tmux, () => tmux("capture-pane", "-p", "-t", "b").stdout, performance.now());
    tmux("send-keys", "-t", "b", "q");
    return result;
  } finally {
    tmux("kill-server");
  }
}

/** One start of `qnano explore FILE` in tmux: when each thing first appears (ms since Enter). */
const openOnce = (file: string, socket: string): Promise<Opening> =>
  exploring(file, socket, async (_, capture, t0) => {
    const seen: Partial<Record<keyof Opening, number>> = {};
    const checks: [keyof Opening, (t: string) => boolean][] = [
      ["screen", (t) => /running the passes: \d+ of \d+ done/.test(t) || t.includes("parse: read the source")],
      ["program", (t) => /^▸[·✓?][• ] parse/m.test(t) && !t.includes("(parse is running")],
      ["passes", (t) => !/running the passes/.test(t)],
      ["marks", (t) => t.includes("every pass agrees with the source") || t.includes("first disagreement")],
    ];
    while (seen.marks === undefined) {
      const text = capture();
      const now = performance.now() - t0;
      for (const [key, ok] of checks) if (seen[key] === undefined && (key === "screen" || seen.screen !== undefined) && ok(text)) seen[key] = now;
      if (now > 600_000) throw new BenchError(`explore did not finish in 10 minutes:\n${text}`);
      await sleep(seen.screen === undefined ? 10 : 50);
    }
    return seen as Opening;
  });

/**
 * Keys pressed as the explorer opens (before Ink has loaded, and while the passes run), each
 * timed from tmux's send-keys until the screen shows what it did (w: the pass list's next mode);
 * then the same keys once the explorer is idle, for what tmux alone takes (capture-pane polled).
 */
const keysWhileOpening = (file: string, socket: string): Promise<{ opening: number[]; idle: number[] }> =>
  exploring(file, socket, async (tmux, capture, t0) => {
    while (!/running the passes: \d+ of \d+ done/.test(capture())) {
      if (performance.now() - t0 > 60_000) throw new BenchError(`explore did not open in a minute:\n${capture()}`);
      await sleep(5);
    }
    const modes = ["numbers", "hidden", "names"];
    let presses = 0;
    const press = async () => {
      const sent = performance.now();
      tmux("send-keys", "-t", "b", "w");
      const mode = `pass list: ${modes[presses++ % 3]}`;
      while (!capture().includes(mode)) await sleep(2);
      return performance.now() - sent;
    };
    const opening: number[] = [];
    while (performance.now() - t0 < 3000) {
      opening.push(await press());
      await sleep(100);
    }
    // (n and p clear the message the last w left in the status line, where the marks' summary shows)
    tmux("send-keys", "-t", "b", "n", "p");
    while (!/every pass agrees with the source|first disagreement/.test(capture())) await sleep(50);
    const idle: number[] = [];
    for (let k = 0; k < 9; k++) {
      idle.push(await press());
      await sleep(100);
    }
    return { opening, idle };
  });

export async function firstScreen(dir: string = mkdtempSync(join(tmpdir(), "qnano-bench-explore-"))): Promise<void> {
  console.log("\nexplore: opening a program in tmux at 80x24 (median of 3; target: the screen in under 1 s)");
  console.log("lines    screen   parse's program   every pass   every mark");
  for (const lines of [1_000, 3_000, 5_000]) {
    const file = join(dir, `big${lines}.qs`);
    writeFileSync(file, bigProgram(lines));
    const runs: Opening[] = [];
    for (let k = 0; k < 3; k++) runs.push(await openOnce(file, `qnano-bench-${process.pid}-${lines}-${k}`));
    const m = (key: keyof Opening) => median(runs.map((r) => r[key]));
    console.log(`${String(lines).padEnd(8)} ${ms(m("screen")).padStart(7)} ${seconds(m("program")).padStart(17)} ${seconds(m("passes")).padStart(12)} ${seconds(m("marks")).padStart(12)}`);
  }
  const file = join(dir, "big5000.qs");
  const runs = [];
  for (let k = 0; k < 3; k++) runs.push(await keysWhileOpening(file, `qnano-bench-${process.pid}-keys-${k}`));
  const [opening, idle] = [runs.flatMap((r) => r.opening), runs.flatMap((r) => r.idle)];
  const summary = (xs: number[]) => `median ${ms(median(xs))}, max ${ms(Math.max(...xs))}, ${xs.filter((x) => x >= 50).length} of ${xs.length} at 50 ms or more`;
  console.log(`explore: a key pressed in the first 3 s of opening the 5,000-line program, send-keys to the screen (3 runs; target: under 50 ms)`);
  console.log(`  opening: ${summary(opening)}`);
  console.log(`  idle (the same key once every mark is in: what tmux and the polling add): ${summary(idle)}`);
}

// ---------------------------------------------------------------- per key

// A walk through every view and key, as a student would go.
const keys = [
  ..."jjjjj", "pagedown", "pagedown", "G", "g", "n", "n", "j", "c", "d", "]", "]", "[", "n", "d", "p", "u", "n", "u",
  ":", ..."uniq", "return", "d", "G", "]", "p", ":", ..."select", "return", "j", "j", "a", "G", "g", "/", ..."movq", "return", ">", ">", "<",
  "o", "b", "pagedown", "p", "f", "f", "n", "N", "f", "w", "}", "{", "w", "w", "T", "n", "T", "?", "j", "escape", "t", "t", ":", "1", "2", "return", "escape",
];

/** Each key of a walk through the 5,000-line program, timed: "running" after the steps arrived
 * one by one, as in `qnano explore`; "cold" after one frame, once the renderer has warmed up as
 * `qnano explore` warms it (warm-up.ts: its time is shown); "unwarmed" after one frame, without it. */
export async function perKey(how: "running" | "cold" | "unwarmed"): Promise<void> {
  process.env.NODE_ENV = "production";
  const [{ createElement }, { render }, { Screen }, state, { reduce }, { buildTrace }] = await Promise.all([
    import("react"),
    import("ink-testing-library"),
    import("../explorer-tui/screen.js"),
    import("../explorer-tui/state.js"),
    import("../explorer-tui/reducer.js"),
    import("../explorer-tui/trace.js"),
  ]);
  const { warmUp } = await import("../explorer-tui/warm-up.js");
  const source = bigProgram(5_000);
  const trace = buildTrace("big.qs", source, hostTarget, compile(source, "big.qs", { target: hostTarget, check: true }), "", "later");
  /** The walk's keys, each timed (reducer and render), from the state `start` on screen. */
  const walk = (start: ReturnType<typeof state.initialState>, app: ReturnType<typeof render>) => {
    let s = start;
    const times: { key: string; ms: number; cpu: number }[] = [];
    for (const key of keys) {
      const [t0, c0] = [performance.now(), process.cpuUsage()];
      s = reduce(s, { kind: "key", key });
      app.rerender(createElement(Screen, { s }));
      app.lastFrame();
      const c = process.cpuUsage(c0);
      times.push({ key, ms: performance.now() - t0, cpu: (c.user + c.system) / 1000 });
    }
    app.unmount();
    return times;
  };
  let s: ReturnType<typeof state.initialState>;
  let app: ReturnType<typeof render>;
  if (how === "running") {
    // As `qnano explore` runs: the screen drawn as each step arrives from the worker, then the keys.
    s = state.initialState({ ...trace, steps: [], functions: [] }, 80, 24);
    app = render(createElement(Screen, { s }));
    trace.steps.forEach((step, index) => {
      s = reduce(s, { kind: "step", trace: trace.id, index, step, ...(index === 0 ? { functions: trace.functions } : {}) });
      app.rerender(createElement(Screen, { s }));
    });
  } else {
    // Cold: the keys right after the first frame; `qnano explore` warms the renderer up first, on its first state (no step yet).
    if (how === "cold") {
      const [t0, c0] = [performance.now(), process.cpuUsage()];
      await warmUp(state.initialState({ ...trace, steps: [], functions: [] }, 80, 24));
      const c = process.cpuUsage(c0);
      console.log(`  the explorer's warm-up of the renderer (warm-up.ts, as it opens): ${ms(performance.now() - t0)} (CPU ${ms((c.user + c.system) / 1000)})`);
    }
    s = state.initialState(trace, 80, 24);
    app = render(createElement(Screen, { s }));
  }
  const times = walk(s, app);
  const when = how === "running" ? "as the explorer runs (the screen drawn as each step arrived)" : how === "cold" ? "cold (right after the first frame, the renderer warmed up as the explorer does)" : "cold without the warm-up (for comparison)";
  console.log(`  ${when}, load average ${loadavg()[0]!.toFixed(1)}:`);
  // The wall clock, and the CPU time of this process (which other processes on a loaded machine move less).
  for (const measure of ["ms", "cpu"] as const) {
    const all = times.map((t) => t[measure]);
    const worst = [...times].sort((a, b) => b[measure] - a[measure]).slice(0, 3);
    const over = times.filter((t) => t[measure] >= 50).length;
    console.log(`    ${measure === "ms" ? "wall" : "CPU "}: median ${ms(median(all))}, max ${ms(Math.max(...all))} (slowest: ${worst.map((t) => `${JSON.stringify(t.key)} at ${times.indexOf(t) + 1} ${ms(t[measure])}`).join(", ")}); ${over} of ${keys.length} at 50 ms or more`);
  }
}

/** The walk of perKey in a process of its own, each way (so that neither warms the other up). */
function keysInProcesses(): void {
  console.log(`\nexplore: a key on the 5,000-line program (${keys.length} keys through every view; reducer and Ink's render, production build; target: under 50 ms)`);
  for (const how of ["running", "cold", "unwarmed"]) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "keys", how], { stdio: "inherit" });
    if (child.status !== 0) throw new BenchError(`the per-key walk (${how}) failed`);
  }
}

// ---------------------------------------------------------------- marks

/** The worker's whole job for one program: from its start to its last mark (ms), and whether every mark came. */
async function marksOf(file: string, target: Target): Promise<{ ms: number; cpu: number; marks: number; bad: string | null }> {
  const [{ startTrace }, { emptyTrace }] = await Promise.all([import("../explorer-tui/trace-client.js"), import("../explorer-tui/trace.js")]);
  const source = readFileSync(file, "utf8");
  const inputFile = file.replace(/\.qs$/, ".in");
  const stdin = existsSync(inputFile) ? readFileSync(inputFile, "utf8") : "";
  const trace = emptyTrace(file, source, target, stdin, existsSync(inputFile) ? inputFile : null);
  const interpreted = trace.passes.filter((p) => p.to !== "assembly text").length;
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  return new Promise((resolve, reject) => {
    let marks = 0;
    let bad: string | null = null;
    const stop = startTrace(trace, (e) => {
      if (e.kind === "failed" || e.kind === "meaning-failed") {
        stop();
        reject(new BenchError(`${file}: ${e.message}`));
      } else if (e.kind === "meaning") {
        marks++;
        if (typeof e.mark === "object" && e.mark !== null && !e.mark.agrees) bad ??= trace.passes[e.index]!.name;
        if (e.mark === "no input") bad = "no input";
        if (marks === interpreted || e.mark === "no input") {
          stop();
          const c = process.cpuUsage(c0); // (this process's threads: the worker and the marks' workers)
          resolve({ ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, marks, bad });
        }
      }
    });
  });
}

/** The marks of every golden program (and collatz), or of those whose file name matches `only`. */
export async function marks(only?: RegExp): Promise<void> {
  const dir = join(packageRoot, "tests", "programs");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".qs"))
    .map((f) => join(dir, f));
  files.push(join(packageRoot, "examples", "collatz.qs"));
  const rows: { name: string; ms: number; cpu: number }[] = [];
  for (const file of files.filter((f) => only?.test(f) ?? true)) {
    const { ms: took, cpu, bad } = await marksOf(file, hostTarget);
    if (bad !== null && bad !== "no input") throw new BenchError(`${file}: the marks disagree from ${bad} on`);
    rows.push({ name: file.slice(packageRoot.length + 1), ms: took, cpu });
  }
  rows.sort((a, b) => b.ms - a.ms);
  const golden = rows.filter((r) => r.name.startsWith("tests/"));
  const over = golden.filter((r) => r.ms >= 5_000);
  console.log(`\nexplore: every mark of a program, the worker's whole job (compile, print, interpret; ${hostTarget}, ${availableParallelism()} processors, load average ${loadavg()[0]!.toFixed(1)}; target: under 5 s for tests/programs)`);
  console.log(`  ${"program".padEnd(40)} ${"wall".padStart(7)} ${"CPU".padStart(7)}`);
  for (const r of rows.slice(0, 12)) console.log(`  ${r.name.padEnd(40)} ${seconds(r.ms).padStart(7)} ${seconds(r.cpu).padStart(7)}`);
  console.log(`  ... ${rows.length} programs; median ${seconds(median(golden.map((r) => r.ms)))}; ${over.length} of ${golden.length} golden programs at 5 s or more${over.length ? `: ${over.map((r) => r.name).join(", ")}` : ""}`);
}

/** An IL's interpreter on a program: its steps (the runtime model's ticks) and the time it took. */
async function stepsOf(il: string, program: unknown): Promise<{ steps: number; ms: number }> {
  const [{ interpreterFor }, { RuntimeModel }] = await Promise.all([import("../interp/index.js"), import("../interp/runtime-model.js")]);
  const tick = RuntimeModel.prototype.tick;
  let steps = 0;
  RuntimeModel.prototype.tick = function (this: InstanceType<typeof RuntimeModel>) {
    steps++;
    tick.call(this);
  };
  try {
    const t0 = performance.now();
    interpreterFor(il)!(program, { fuel: 1e12 });
    return { steps, ms: performance.now() - t0 };
  } finally {
    RuntimeModel.prototype.tick = tick;
  }
}

/** Why collatz's marks take long: each IL runs the whole program, millions of steps. */
export async function whyCollatz(): Promise<void> {
  const file = join(packageRoot, "examples", "collatz.qs");
  const steps = compile(readFileSync(file, "utf8"), file, { target: hostTarget, check: true }).filter((s) => typeof s.pass.to !== "string");
  const level = (i: number) => (i < steps.findIndex((s) => s.pass.name === "explicate-control") ? 0 : i < steps.findIndex((s) => s.pass.name === "lower-division") ? 1 : 2);
  const samples = ["parse", "explicate-control", "lower-calls"].map((name) => steps.find((s) => s.pass.name === name)!);
  const counted: { il: string; steps: number; ms: number }[] = [];
  for (const s of samples) counted.push({ il: (s.pass.to as { name: string }).name, ...(await stepsOf((s.pass.to as { name: string }).name, s.output)) });
  const total = steps.reduce((sum, _, i) => sum + counted[level(i)]!.steps, 0);
  console.log(`
explore: why examples/collatz.qs's marks take long (${hostTarget}): every IL's interpreter runs the whole program`);
  for (const c of counted) console.log(`  one run in ${c.il.padEnd(10)} ${(c.steps / 1e6).toFixed(1).padStart(5)} M steps in ${seconds(c.ms).padStart(6)} (${(c.steps / c.ms / 1e3).toFixed(1)} M steps/s)`);
  console.log(`  ${steps.length} ILs interpreted: about ${(total / 1e6).toFixed(0)} M steps in all, shared among the marks' workers`);
}

export async function exploreBench(): Promise<void> {
  if (spawnSync("tmux", ["-V"]).status !== 0) throw new BenchError("the explorer's bench needs tmux (apt-get install tmux)");
  const dir = mkdtempSync(join(tmpdir(), "qnano-bench-explore-"));
  try {
    await firstScreen(dir);
    keysInProcesses();
    await marks();
    await whyCollatz();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/scripts/bench-explore.js keys running|cold|unwarmed`: one per-key walk (keysInProcesses starts these).
// `node dist/scripts/bench-explore.js marks [REGEX]`: the marks alone, of the programs whose file name matches.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "marks") await marks(new RegExp(process.argv[3] ?? ""));
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "keys") await perKey(process.argv[3] === "cold" || process.argv[3] === "unwarmed" ? process.argv[3] : "running");
// `node dist/scripts/bench-explore.js opening`: the first screen, and keys as the explorer opens, alone.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "opening") await firstScreen();
