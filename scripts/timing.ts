// Running commands for the benchmarks (scripts/bench.ts, scripts/bench-code.ts).

import { spawnSync } from "node:child_process";

/** Run a command to completion and return its stdout; throw with its stderr if it fails. */
export function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error !== undefined) throw new Error(`could not run ${command}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.signal ?? `status ${r.status}`}): ${r.stderr}`);
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

/** Whether a program can be started at all (`command --version`). */
export function installed(command: string): boolean {
  return spawnSync(command, ["--version"], { stdio: "ignore" }).error === undefined;
}
