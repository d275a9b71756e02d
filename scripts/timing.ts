// Running commands for the benchmarks (scripts/bench.ts, scripts/bench-code.ts).

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** A command failed or could not be started, or a benchmark printed the wrong output: `npm run bench` reports the message alone and fails. */
export class BenchError extends Error {
  override name = "BenchError";
}

/** Run a command to completion and return its stdout; throw a BenchError with its stderr if it fails. */
export function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error !== undefined) throw new BenchError(`could not run ${command}: ${r.error.message}`);
  if (r.status !== 0) throw new BenchError(`${command} ${args.join(" ")} failed (${r.signal ?? `status ${r.status}`}):\n${r.stderr}`);
  return r.stdout;
}

/** The best wall-clock time, in ms, of `runs` runs of a command, and its stdout (of the last run). */
export function bestOf(runs: number, command: string, args: string[]): { ms: number; stdout: string } {
  let best = Infinity;
  let stdout = "";
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    stdout = run(command, args);
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, stdout };
}

/** GNU time (Debian package `time`): `-f %M` reports a command's peak resident set in KB, from the rusage that wait4 returns. */
export const gnuTime = "/usr/bin/time";

/** The peak resident set, in MB, of one run of a command, measured by GNU time; its report goes to `reportFile`, so the command's stderr stays its own. */
export function peakMB(command: string, args: string[], reportFile: string): number {
  run(gnuTime, ["-f", "%M", "-o", reportFile, command, ...args]);
  return Number(readFileSync(reportFile, "utf8").trim()) / 1024;
}

/** Whether a program can be started at all (`command --version`). */
export function installed(command: string): boolean {
  return spawnSync(command, ["--version"], { stdio: "ignore" }).error === undefined;
}
