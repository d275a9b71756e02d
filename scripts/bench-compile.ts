// `npm run bench`, compile speed: qnano against gcc -O0 -S on the same programs
// (scripts/compile-programs.ts: one long function, many small functions; 10k
// and 100k lines), in the same run, each qnano run paired with a gcc run.
//
// For each program: lines per second of `qnano build --emit asm` (no --check)
// and of `gcc -O0 -S`, as whole commands (best of 3 at 10k lines, of 1 at 100k,
// a qnano run then a gcc run each time), by CPU time (user + system, which a
// machine shared with other work changes far less than the wall clock; qnano's
// counts its garbage collector's helper threads too) and by wall-clock time,
// the peak memory of each (GNU time's maximum resident set), the growth from
// 10k to 100k lines (linear is 10x; the target is at most 11x), and where the
// time goes: each pass's time in one run inside this process, with the
// garbage collector's share. The targets are judged on CPU time.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { hostTarget } from "../driver/toolchain.js";
import { assemblyOf, compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { compileProgram, modularProgram, shapes, type Shape } from "./compile-programs.js";
import { gnuTime, run } from "./timing.js";

const sizes = [10_000, 100_000] as const;
/** The targets of the issue (20): at least gcc's lines per second, at most 11x from 10k to 100k, at most 500 MB. */
const maxGrowth = 11;
const maxPeakMB = 500;

/** One command's run: wall-clock ms, CPU ms (user + system), peak resident set in MB. */
interface Run {
  ms: number;
  cpuMs: number;
  mb: number;
}

interface Measured {
  shape: Shape;
  lines: number;
  qnano: Run;
  gcc: Run;
  /** In process: each pass's ms, the whole compilation's and the garbage collector's. */
  passes: Map<string, number>;
  totalMs: number;
  gcMs: number;
}

/** One run of a command under GNU time: its wall-clock ms, its CPU ms (user + system seconds, %U %S) and its peak resident set in MB (%M, KB). */
function timed(command: string, args: string[], reportFile: string): Run {
  const start = performance.now();
  run(gnuTime, ["-f", "%M %U %S", "-o", reportFile, command, ...args]);
  const ms = performance.now() - start;
  const [kb, user, system] = readFileSync(reportFile, "utf8").trim().split(/\s+/).map(Number) as [number, number, number];
  return { ms, cpuMs: (user + system) * 1000, mb: kb / 1024 };
}

/** The best of `runs` paired runs (qnano, then gcc): the lowest times, and the highest peak, of each. */
function paired(runs: number, qnano: string[], gcc: string[], reportFile: string): { qnano: Run; gcc: Run } {
  const best = { qnano: { ms: Infinity, cpuMs: Infinity, mb: 0 }, gcc: { ms: Infinity, cpuMs: Infinity, mb: 0 } };
  for (let i = 0; i < runs; i++) {
    for (const [who, [command, ...args]] of [["qnano", qnano], ["gcc", gcc]] as const) {
      const r = timed(command!, args, reportFile);
      best[who] = { ms: Math.min(best[who].ms, r.ms), cpuMs: Math.min(best[who].cpuMs, r.cpuMs), mb: Math.max(best[who].mb, r.mb) };
    }
  }
  return best;
}

/** One compilation inside this process, as `qnano build` does it: each pass's time, and the collector's. */
async function profile(source: string, file: string): Promise<{ passes: Map<string, number>; totalMs: number; gcMs: number }> {
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (gcMs += e.duration)));
  observer.observe({ entryTypes: ["gc"] });
  const start = performance.now();
  const steps = compile(source, file, { target: hostTarget, lastOnly: true });
  assemblyOf(steps);
  const totalMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 50)); // the collector's entries are delivered once the event loop turns
  observer.disconnect();
  return { passes: new Map(steps.map((s) => [s.pass.name, s.ms])), totalMs, gcMs };
}

async function measure(): Promise<Measured[]> {
  const dir = mkdtempSync(join(tmpdir(), "qnano-bench-compile-"));
  const qnano = join(packageRoot, "bin", "qnano.js");
  const rows: Measured[] = [];
  try {
    for (const shape of shapes) {
      for (const size of sizes) {
        const p = compileProgram(shape, size);
        const [qsFile, cFile] = [join(dir, `gen${size}.qs`), join(dir, `gen${size}.c`)];
        writeFileSync(qsFile, p.qs);
        writeFileSync(cFile, p.c);
        const commands = paired(
          size >= 100_000 ? 1 : 3,
          [process.execPath, qnano, "build", qsFile, "--emit", "asm", "-o", join(dir, "q.s")],
          ["gcc", "-O0", "-S", cFile, "-o", join(dir, "c.s")],
          join(dir, "peak"),
        );
        rows.push({ shape, lines: p.lines, ...commands, ...(await profile(p.qs, qsFile)) });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const perSecond = (lines: number, ms: number) => Math.round((lines / ms) * 1000).toLocaleString("en-US");
const met = (ok: boolean) => (ok ? "met" : "NOT met");

function printThroughput(rows: Measured[]): void {
  console.log(`compile speed: qnano build --emit asm (no --check) and gcc -O0 -S on the same program, target ${hostTarget}`);
  console.log("lines per second by CPU time (user + system) and by wall-clock time, best of 3 paired runs at 10k lines, 1 at 100k; peak memory: GNU time's maximum resident set");
  console.log("shape                  lines   qnano CPU l/s (ms)   gcc CPU l/s (ms)   qnano/gcc CPU speed   qnano wall ms  gcc wall ms  qnano MB  gcc MB");
  for (const r of rows) {
    const q = `${perSecond(r.lines, r.qnano.cpuMs)} (${r.qnano.cpuMs.toFixed(0)})`;
    const g = `${perSecond(r.lines, r.gcc.cpuMs)} (${r.gcc.cpuMs.toFixed(0)})`;
    console.log(`${r.shape.padEnd(22)} ${String(r.lines).padStart(6)}   ${q.padEnd(19)}  ${g.padEnd(17)}  ${(r.gcc.cpuMs / r.qnano.cpuMs).toFixed(2).padStart(18)}x   ${r.qnano.ms.toFixed(0).padStart(13)}  ${r.gcc.ms.toFixed(0).padStart(11)}  ${r.qnano.mb.toFixed(0).padStart(8)}  ${r.gcc.mb.toFixed(0).padStart(6)}`);
  }
  console.log("targets (on CPU time):");
  for (const shape of shapes) {
    const [small, large] = rows.filter((r) => r.shape === shape);
    if (!small || !large) continue;
    const growth = large.qnano.cpuMs / small.qnano.cpuMs;
    const fast = rows.filter((r) => r.shape === shape).every((r) => r.qnano.cpuMs <= r.gcc.cpuMs);
    console.log(`  ${shape}: at least gcc -O0's lines per second: ${met(fast)}; growth 10k -> 100k ${growth.toFixed(1)}x (gcc ${(large.gcc.cpuMs / small.gcc.cpuMs).toFixed(1)}x; at most ${maxGrowth}x: ${met(growth <= maxGrowth)}); peak ${large.qnano.mb.toFixed(0)} MB at 100k (at most ${maxPeakMB}: ${met(large.qnano.mb <= maxPeakMB)})`);
  }
}

/** Where the time goes: each pass's ms in one compilation in process, per program, the slowest passes first. */
function printProfile(rows: Measured[]): void {
  const label = (r: Measured) => `${r.shape === "one long function" ? "long" : "many"} ${r.lines >= 50_000 ? "100k" : "10k"}`;
  const total = (pass: string) => rows.reduce((sum, r) => sum + (r.passes.get(pass) ?? 0), 0);
  const passes = [...(rows[0]?.passes.keys() ?? [])].sort((a, b) => total(b) - total(a));
  console.log("\nwhere the time goes: ms per pass in one compilation inside this process (no --check, each IL let go once the next exists)");
  console.log(`${"pass".padEnd(30)} ${rows.map((r) => label(r).padStart(10)).join(" ")}`);
  for (const pass of passes) console.log(`${pass.padEnd(30)} ${rows.map((r) => (r.passes.get(pass) ?? 0).toFixed(0).padStart(10)).join(" ")}`);
  console.log(`${"all passes".padEnd(30)} ${rows.map((r) => r.totalMs.toFixed(0).padStart(10)).join(" ")}`);
  console.log(`${"of which garbage collection".padEnd(30)} ${rows.map((r) => `${r.gcMs.toFixed(0)} ${((100 * r.gcMs) / r.totalMs).toFixed(0)}%`.padStart(10)).join(" ")}`);
}

/** "50 modules" (scripts/compile-programs.ts): one program in 51 files, against its C in 51
 * files compiled by one gcc command, paired as above, at 10k, 30k and 100k lines: how
 * compile time grows with size when the program is split into modules. */
export function modulesBench(): void {
  const dir = mkdtempSync(join(tmpdir(), "qnano-bench-modules-"));
  const qnano = join(packageRoot, "bin", "qnano.js");
  console.log(`\ncompile speed of a program of 50 modules (main.qs and mods/m0.qs ... m49.qs; in C, 51 files given to one gcc -O0 -S), target ${hostTarget}`);
  console.log("lines     qnano ms  gcc ms   qnano/gcc time  qnano MB  qnano ms per 1k lines");
  const rows: { lines: number; qnano: number; gcc: number }[] = [];
  try {
    for (const size of [10_000, 30_000, 100_000]) {
      const at = join(dir, String(size));
      const p = modularProgram(size);
      for (const [file, text] of [...p.qs, ...p.c]) {
        mkdirSync(dirname(join(at, file)), { recursive: true });
        writeFileSync(join(at, file), text);
      }
      const cFiles = [...p.c.keys()].map((f) => join(at, f));
      const r = paired(size >= 100_000 ? 1 : 3, [process.execPath, qnano, "build", join(at, "main.qs"), "--emit", "asm", "-o", join(at, "q.s")], ["sh", "-c", `cd ${at} && gcc -O0 -S ${cFiles.map((f) => f.slice(at.length + 1)).join(" ")}`], join(dir, "peak"));
      rows.push({ lines: p.lines, qnano: r.qnano.ms, gcc: r.gcc.ms });
      console.log(`${String(p.lines).padStart(6)}  ${r.qnano.ms.toFixed(0).padStart(9)}  ${r.gcc.ms.toFixed(0).padStart(6)}  ${(r.qnano.ms / r.gcc.ms).toFixed(2).padStart(14)}x  ${r.qnano.mb.toFixed(0).padStart(8)}  ${((1000 * r.qnano.ms) / p.lines).toFixed(1).padStart(10)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [small, , large] = rows;
  if (small && large) {
    const size = large.lines / small.lines;
    console.log(`growth ${small.lines} -> ${large.lines} lines (${size.toFixed(1)}x the lines): qnano ${(large.qnano / small.qnano).toFixed(1)}x, gcc ${(large.gcc / small.gcc).toFixed(1)}x (linear is ${size.toFixed(1)}x; at most ${((maxGrowth * size) / 10).toFixed(1)}x: ${met(large.qnano / small.qnano <= (maxGrowth * size) / 10)})`);
  }
}

/** The compile-speed section of `npm run bench`. */
export async function compileBench(): Promise<void> {
  const rows = await measure();
  printThroughput(rows);
  printProfile(rows);
  modulesBench();
}
