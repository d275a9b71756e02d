// `npm test`: runs every uvu suite in dist/tests (compiled from tests/), each
// file in a process of its own, as many at once as the machine has cores (the
// longest files first, so the last to finish is a short one), then prints the
// totals as one plain line, `N passed, N failed`, for people and CI.
// `node dist/scripts/test.js REGEX` runs only the files whose name matches.
// A file still running after QNANO_TEST_LIMIT seconds (default 1,200: the
// longest file takes a few minutes) is stopped, with what it ran, and counted
// as failed: a pass broken so that it never ends (a fixed point never
// reached) fails the run, and the run still ends with its totals.
// QNANO_TEST_DIR runs the files of another folder (tests/test-runner.test.ts).
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../driver/paths.js";

const uvu = join(packageRoot, "node_modules", "uvu", "bin.js");
const testDir = process.env.QNANO_TEST_DIR ?? join(packageRoot, "dist", "tests");
const limit = Number(process.env.QNANO_TEST_LIMIT ?? 1_200);
const pattern = new RegExp(process.argv[2] ?? "\\.test\\.js$");
// The files that take minutes, longest first; every other file takes seconds.
const longest = ["props", "optimisations", "explorer-terminal", "golden", "read", "cli", "middle", "explorer-data", "interp-forms", "opt", "explorer-ui"];
const rank = (file: string) => { const i = longest.indexOf(file.replace(/\.test\.js$/, "")); return i < 0 ? longest.length : i; };
const files = readdirSync(testDir).filter(f => f.endsWith(".test.js") && pattern.test(f)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

interface Run { file: string; out: string; status: number | null; seconds: number; stopped: boolean }

/** The files' processes running: stopped, with their groups, when the run is (Ctrl-C). */
const running = new Set<number>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const pid of running) try { process.kill(-pid, "SIGKILL"); } catch { /* already gone */ }
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

function runFile(file: string): Promise<Run> {
  const start = Date.now();
  return new Promise(resolve => {
    // In a process group of its own, so that what a test started (a binary, tmux) is stopped with it.
    const child = spawn(process.execPath, [uvu, testDir, `^${file.replace(/\./g, "\\.")}$`], { stdio: ["ignore", "pipe", "pipe"], detached: true });
    running.add(child.pid!);
    let out = "";
    let stopped = false;
    const timer = setTimeout(() => {
      stopped = true;
      try { process.kill(-child.pid!, "SIGKILL"); } catch { child.kill("SIGKILL"); }
    }, limit * 1000);
    child.stdout.on("data", d => { out += d; });
    child.stderr.on("data", d => { out += d; });
    child.on("close", status => {
      clearTimeout(timer);
      running.delete(child.pid!);
      resolve({ file, out, status, seconds: (Date.now() - start) / 1000, stopped });
    });
  });
}

const runs: Run[] = [];
let next = 0;
async function worker() {
  while (next < files.length) {
    const run = await runFile(files[next++]!);
    // Each file's output is printed whole, when it ends, so files never interleave.
    process.stdout.write(`\n== ${run.file} (${run.seconds.toFixed(0)} s)\n${run.out}`);
    runs.push(run);
  }
}
const started = Date.now();
if (files.length === 0) console.log(`no test file in dist/tests matches ${pattern}`);
await Promise.all(Array.from({ length: Math.min(availableParallelism(), files.length) }, worker));

let passed = 0, failed = 0, skipped = 0;
for (const run of runs) {
  if (run.stopped) {
    console.log(`${run.file}: stopped after ${limit} s (QNANO_TEST_LIMIT), still running: a test in it does not end; what it printed is above`);
    failed++;
    continue;
  }
  const plain = run.out.replace(/\x1b\[[0-9;]*m/g, "");
  const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? NaN);
  const total = count("Total"), ok = count("Passed"), skip = count("Skipped");
  if (Number.isNaN(total) || Number.isNaN(ok)) {
    console.log(`${run.file}: the test runner did not finish (status ${run.status}): see its output above`);
    failed++;
    continue;
  }
  const skips = Number.isNaN(skip) ? 0 : skip, fails = total - ok - skips;
  passed += ok;
  skipped += skips;
  // A file that exits non-zero with every test passed still fails, once (e.g. an error after its suites).
  failed += fails > 0 ? fails : run.status === 0 ? 0 : 1;
}
console.log(`\n${files.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 && files.length > 0 ? 0 : 1);
