// `npm run bench -- opt`: what each optimisation does to the generated code.
// Every benchmark (bench/NAME.qs) is built on each target (this machine's
// natively, the other under qemu-user) with every optimisation (--opt 1),
// with none (--opt 0), and with each optimisation left out in turn (the
// driver's `without`, no user flag); every binary must print what the --opt 1
// one prints. Each is timed in CPU time (user + system, from GNU time: 10 ms
// steps), which the other work of a loaded machine changes less than the wall
// clock's, best of 5 runs, the runs of one benchmark's binaries taken in turn
// (paired: what loads the machine during one round loads them all). The
// tables are written into spec/optimisations.md between its markers, with the
// date and the machine's load; the rest of the page is left as it is.
// tests/optimisations.test.ts checks that the markers and the tables' shape
// are there, never the figures.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { assembleAndLink, hostTarget, toolNames } from "../driver/toolchain.js";
import { assemblyOf, compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { optimisations, pipeline } from "../passes/pipeline.js";
import { benchmarks } from "./bench-code.js";
import { BenchError, gnuTime, installed, run } from "./timing.js";

const runs = 5;
export const optDoc = join(packageRoot, "spec", "optimisations.md");
export const markers = { begin: "<!-- npm run bench -- opt: begin (written by scripts/bench-opt.ts; do not edit) -->", end: "<!-- npm run bench -- opt: end -->" };

/** The optimisations of a target's pipeline, by name, in pipeline order. */
export const optimisationsOf = (target: Target): string[] => pipeline(target, 1).filter((p) => optimisations.has(p)).map((p) => p.name);

/** The columns of a target's table: all, none, then each optimisation left out. */
export const columnsOf = (target: Target): string[] => ["--opt 1", "--opt 0", ...optimisationsOf(target).map((o) => `without ${o}`)];

/** A table's header and separator rows, for `target` (the test reads the same). */
export const tableHead = (target: Target): string[] => [`| ${target} | ${columnsOf(target).join(" | ")} |`, `| --- |${" ---: |".repeat(columnsOf(target).length)}`];

/** One benchmark's binaries on a target, in the order of `columnsOf`. */
function build(target: Target, dir: string, name: string): string[] {
  const source = readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8");
  const variants: { opt: 0 | 1; without?: string[] }[] = [{ opt: 1 }, { opt: 0 }, ...optimisationsOf(target).map((o) => ({ opt: 1 as const, without: [o] }))];
  return variants.map((v, i) => {
    const out = join(dir, `${name}-${target}-${i}`);
    try {
      assembleAndLink(assemblyOf(compile(source, `${name}.qs`, { target, lastOnly: true, ...v })), target, out);
    } catch (e) {
      throw new BenchError(`bench/${name} does not build for ${target} (${columnsOf(target)[i]}): ${(e as Error).message}`);
    }
    return out;
  });
}

/** Each binary's best CPU time (user + system, ms) of `runs`, taken in turn; each must print what the first prints. */
function timeInTurn(target: Target, name: string, binaries: readonly string[], dir: string): number[] {
  const best = binaries.map(() => Infinity);
  const report = join(dir, "time");
  let expected: string | null = null;
  for (let r = 0; r < runs; r++) {
    binaries.forEach((b, i) => {
      const stdout = run(gnuTime, ["-f", "%U %S", "-o", report, ...toolNames(target).run, b]);
      const [user, system] = readFileSync(report, "utf8").trim().split(" ").map(Number) as [number, number];
      best[i] = Math.min(best[i]!, (user + system) * 1000);
      expected ??= stdout;
      if (stdout !== expected) throw new BenchError(`bench/${name} on ${target}: ${columnsOf(target)[i]} printed\n${stdout}but --opt 1 printed\n${expected}`);
    });
  }
  return best;
}

/** The text between the markers: how it was measured, then a table per target. */
function tables(measured: Map<Target, Map<string, number[]>>, skipped: string[]): string {
  const load = loadavg().map((l) => l.toFixed(1)).join(", ");
  const lines = [
    `Measured by \`npm run bench -- opt\` on ${new Date().toISOString().slice(0, 10)} (load average ${load} on ${availableParallelism()} cores at the end):`,
    `CPU time (user + system) in ms, in steps of 10, best of ${runs} runs taken in turn; AArch64 under qemu-user, so its figures are qemu's, not a real CPU's.`,
    `"without X": every optimisation but X. Where the machine is loaded the figures are indicative only.`,
  ];
  for (const [target, rows] of measured) {
    lines.push("", ...tableHead(target));
    for (const [name, ms] of rows) lines.push(`| ${name} | ${ms.map((m) => m.toFixed(0)).join(" | ")} |`);
  }
  for (const s of skipped) lines.push("", s);
  return lines.join("\n");
}

/** `text` put between the markers of `page` (which must have them, once each). */
export function betweenMarkers(page: string, text: string): string {
  const [b, e] = [page.indexOf(markers.begin), page.indexOf(markers.end)];
  if (b < 0 || e < b || page.indexOf(markers.begin, b + 1) >= 0) throw new BenchError(`${optDoc} must have the markers ${markers.begin} and ${markers.end}, once each, in that order`);
  return `${page.slice(0, b + markers.begin.length)}\n${text}\n${page.slice(e)}`;
}

/** The section: measures, prints and writes the tables. */
export function optBench(): void {
  const dir = mkdtempSync(join(tmpdir(), "qnano-bench-opt-"));
  const measured = new Map<Target, Map<string, number[]>>();
  const skipped: string[] = [];
  try {
    for (const target of [hostTarget, ...targets.filter((t) => t !== hostTarget)]) {
      const tools = toolNames(target);
      const missing = [tools.as, tools.ld, gnuTime, ...tools.run].filter((t) => !installed(t));
      if (missing.length > 0) {
        skipped.push(`${target}: not measured, ${missing.join(", ")} not found.`);
        continue;
      }
      const rows = new Map<string, number[]>();
      for (const name of benchmarks()) {
        rows.set(name, timeInTurn(target, name, build(target, dir, name), dir));
        console.log(`${target} ${name.padEnd(14)} ${columnsOf(target).map((c, i) => `${c} ${rows.get(name)![i]!.toFixed(0)}`).join(", ")}`);
      }
      measured.set(target, rows);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(optDoc, betweenMarkers(readFileSync(optDoc, "utf8"), tables(measured, skipped)));
  console.log(`\nwritten into ${optDoc}`);
}
