// `npm run bench`, generated code: how fast the code qnano generates runs, side
// by side with gcc -O0 and gcc -O1 on the same program written in C.
//
// Every pair bench/NAME.qs + bench/NAME.c is a benchmark (add one by dropping
// in a pair). For each target (this machine's natively, the other one under
// qemu-user) it builds qnano's binary and gcc's static -O0 and -O1 binaries,
// checks that every binary prints the same output, and reports the best of 3
// wall-clock runs. Code size is the .text bytes of the program's own object
// file, without runtime or libc: qnano's --emit asm assembled with `as`,
// against `gcc -c`. Peak memory is the maximum resident set of one more run,
// measured by GNU time (`/usr/bin/time -f %M`); under qemu it is qemu's.

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { debianPackage, hostTarget, toolNames } from "../driver/toolchain.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { packageRoot } from "../driver/paths.js";
import { BenchError, bestOf, gnuTime, installed, peakMB, run } from "./timing.js";

const benchDir = join(packageRoot, "bench");
const qnano = join(packageRoot, "bin", "qnano.js");
const variants = ["qnano", "gcc -O0", "gcc -O1"] as const;
type Variant = (typeof variants)[number];

/** The benchmarks' names: every bench/NAME.qs, which must have its bench/NAME.c. */
export function benchmarks(): string[] {
  const files = readdirSync(benchDir);
  const names = files.filter((f) => f.endsWith(".qs")).map((f) => f.slice(0, -".qs".length));
  for (const f of files) {
    if (f.endsWith(".c") && !names.includes(f.slice(0, -".c".length))) throw new Error(`bench/${f} has no bench/${f.slice(0, -2)}.qs`);
  }
  for (const n of names) if (!files.includes(`${n}.c`)) throw new Error(`bench/${n}.qs has no bench/${n}.c`);
  return names.sort();
}

/** The tools a target needs: qnano's assembler and linker, gcc, size, and how to run its binaries. */
function toolsOf(target: Target) {
  const { as, ld, run: runner } = toolNames(target);
  const prefix = target === hostTarget ? "" : `${target}-linux-gnu-`;
  return { as, ld, cc: `${prefix}gcc`, size: `${prefix}size`, runner };
}

/** Bytes of code in an object file: its .text sections, summed (`size -A`). */
function textBytes(size: string, objectFile: string): number {
  let bytes = 0;
  for (const line of run(size, ["-A", objectFile]).split("\n")) {
    const [section, count] = line.trim().split(/\s+/);
    if (section === ".text" || section?.startsWith(".text.")) bytes += Number(count);
  }
  return bytes;
}

interface Row {
  name: string;
  ms: Record<Variant, number>;
  text: Record<Variant, number>;
  peakMB: Record<Variant, number>;
}

/** Build one benchmark's binaries and object files for a target, named `dir`/NAME-TARGET-...; a BenchError if one does not compile. */
function build(target: Target, dir: string, name: string): void {
  const tools = toolsOf(target);
  const qs = join(benchDir, `${name}.qs`);
  const c = join(benchDir, `${name}.c`);
  const out = (v: string) => join(dir, `${name}-${target}-${v}`);
  try {
    run(process.execPath, [qnano, "build", qs, "-o", out("qnano"), "--target", target]);
    run(process.execPath, [qnano, "build", qs, "--emit", "asm", "-o", out("qnano.s"), "--target", target]);
    run(tools.as, ["-o", out("qnano.o"), out("qnano.s")]);
    for (const level of ["0", "1"]) {
      run(tools.cc, [`-O${level}`, "-static", "-o", out(`O${level}`), c]);
      run(tools.cc, [`-O${level}`, "-c", "-o", out(`O${level}.o`), c]);
    }
  } catch (e) {
    throw e instanceof BenchError ? new BenchError(`bench/${name} does not compile for ${target}: ${e.message}`) : e;
  }
}

/** Build, check and time every benchmark on one target. `expected`: each benchmark's first output, and which binary printed it. */
function measure(target: Target, dir: string, expected: Map<string, { stdout: string; by: string }>): Row[] {
  const tools = toolsOf(target);
  const rows: Row[] = [];
  // All builds first, so that a benchmark that does not compile stops the bench before any timing.
  for (const name of benchmarks()) build(target, dir, name);
  for (const name of benchmarks()) {
    const out = (v: string) => join(dir, `${name}-${target}-${v}`);
    const files: Record<Variant, string> = { qnano: out("qnano"), "gcc -O0": out("O0"), "gcc -O1": out("O1") };
    const zero = () => ({ qnano: 0, "gcc -O0": 0, "gcc -O1": 0 });
    const row: Row = { name, ms: zero(), text: zero(), peakMB: zero() };
    for (const v of variants) {
      const [command, ...args] = [...tools.runner, files[v]];
      const { ms, stdout } = bestOf(3, command!, args);
      const first = expected.get(name) ?? { stdout, by: `${target} ${v}` };
      if (stdout !== first.stdout) {
        throw new BenchError(`bench/${name}: the ${target} ${v} binary printed\n${stdout}but the ${first.by} binary printed\n${first.stdout}`);
      }
      expected.set(name, first);
      row.ms[v] = ms;
      row.text[v] = textBytes(tools.size, `${files[v]}.o`);
      row.peakMB[v] = peakMB(command!, args, out("peak"));
    }
    rows.push(row);
  }
  return rows;
}

function printTable(target: Target, rows: Row[]): void {
  const how = target === hostTarget ? "native" : `EMULATED under ${toolsOf(target).runner.join(" ")} (times are qemu's, not a real ${target} CPU's)`;
  const ratio = (x: number) => `${x.toFixed(2)}x`;
  console.log(`\ngenerated code on ${target}, ${how}`);
  console.log("wall-clock ms, best of 3; speed = gcc ms / qnano ms (>= 1.00: qnano at least as fast); target: as fast as gcc -O0");
  console.log("benchmark    qnano ms  gcc -O0 ms  gcc -O1 ms   speed vs -O0  target    speed vs -O1 (next goal)");
  for (const r of rows) {
    const vsO0 = r.ms["gcc -O0"] / r.ms.qnano;
    console.log(
      `${r.name.padEnd(12)} ${r.ms.qnano.toFixed(0).padStart(8)}  ${r.ms["gcc -O0"].toFixed(0).padStart(10)}  ${r.ms["gcc -O1"].toFixed(0).padStart(10)}   ${ratio(vsO0).padStart(12)}  ${(vsO0 >= 1 ? "met" : "NOT met").padEnd(8)}  ${ratio(r.ms["gcc -O1"] / r.ms.qnano).padStart(12)}`,
    );
  }
  console.log("code size: .text bytes of the program's own object file, no runtime or libc (qnano --emit asm + as; gcc -c)");
  console.log("benchmark       qnano   gcc -O0   gcc -O1   qnano / gcc -O0");
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(12)} ${String(r.text.qnano).padStart(8)}  ${String(r.text["gcc -O0"]).padStart(8)}  ${String(r.text["gcc -O1"]).padStart(8)}   ${ratio(r.text.qnano / r.text["gcc -O0"]).padStart(15)}`,
    );
  }
  console.log(`peak memory: maximum resident set in MB, from one run under GNU time (${gnuTime} -f %M); it counts GNU time's own`);
  console.log("process before it starts the binary (Linux keeps the peak across exec), so no figure is below about 0.4 MB");
  if (target !== hostTarget) console.log(`under ${toolsOf(target).runner.join(" ")} it is qemu's resident set: the emulator's own memory included, not the binary's alone`);
  console.log("benchmark       qnano   gcc -O0   gcc -O1   qnano / gcc -O0");
  for (const r of rows) {
    const mb = (v: Variant) => r.peakMB[v].toFixed(1).padStart(8);
    console.log(`${r.name.padEnd(12)} ${mb("qnano")}  ${mb("gcc -O0")}  ${mb("gcc -O1")}   ${ratio(r.peakMB.qnano / r.peakMB["gcc -O0"]).padStart(15)}`);
  }
}

/** The generated-code section of `npm run bench`: one table per target; a target whose tools are missing is skipped with the command that installs them. */
export function codeBench(): void {
  const dir = mkdtempSync(join(tmpdir(), "qnano-bench-code-"));
  const expected = new Map<string, { stdout: string; by: string }>();
  try {
    // The native target first, so it runs even when the other one cannot.
    for (const target of [hostTarget, ...targets.filter((t) => t !== hostTarget)]) {
      const t = toolsOf(target);
      const missing = [t.as, t.ld, t.cc, t.size, ...t.runner, gnuTime].filter((tool) => !installed(tool));
      if (missing.length > 0) {
        const packages = [...new Set(missing.map((tool) => (tool === gnuTime ? "time" : debianPackage(tool))))].join(" ");
        console.log(`\ngenerated code on ${target}: SKIPPED, ${missing.join(", ")} not found; install with: apt-get install -y ${packages}`);
        continue;
      }
      printTable(target, measure(target, dir, expected));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
