// `qnano fuzz` (and `npm run fuzz`): mutated programs through the whole
// compiler (props/fuzz.ts) for as long or as many inputs as asked, with a
// progress line on stderr; at the end, inputs per second and every distinct
// bad outcome with its minimised input (saved under tests/regressions/ unless
// told otherwise). Exit status 1 when there was one.
import { join, relative } from "node:path";
import { packageRoot } from "../driver/paths.js";
import { runFuzz, type Finding, type FuzzProgress } from "../props/fuzz.js";
import { parseDuration, progressPrinter, targetsOption } from "./props.js";
import { UsageError } from "./usage.js";
import { printError, printLine } from "./output.js";

export interface FuzzValues {
  time?: string;
  inputs?: string;
  seed?: string;
  target?: string;
  out?: string;
  budget?: string;
}

/** Control characters shown as escapes, so that printing a finding cannot drive the terminal. */
const visible = (text: string) => text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);

/** A program shown indented, at most about 40 lines and 2,000 characters of it. */
function excerpt(source: string): string {
  const shown = visible(source.length > 2000 ? source.slice(0, 2000) : source).split("\n").slice(0, 40);
  const more = source.length > 2000 || source.split("\n").length > 40 ? [`… (${source.length} characters in all)`] : [];
  return [...shown, ...more].map((l) => `    ${l}`.trimEnd()).join("\n");
}

function describe(f: Finding, k: number): string {
  const lines = [
    `${k}. ${visible(f.bad.signature)}`,
    `   ${f.count} input(s); the first a mutation of ${f.base} (${f.how.join(", ") || "unchanged"})`,
    `   ${visible(f.bad.message.split("\n")[0]!.slice(0, 300))}`,
  ];
  if (f.minimised === null) return [...lines, "   it did not show again when retried (flaky): not minimised, not saved"].join("\n");
  lines.push(`   minimised (from ${f.input.source.length} to ${f.minimised.source.length} characters):`, excerpt(f.minimised.source));
  if (f.minimised.stdin !== "") lines.push(`   stdin: ${JSON.stringify(f.minimised.stdin)}`);
  if (f.saved) lines.push(`   saved as ${f.saved.startsWith(process.cwd() + "/") ? relative(process.cwd(), f.saved) : f.saved}`);
  return lines.join("\n");
}

export async function fuzzCommand(values: FuzzValues): Promise<number> {
  const inputs = values.inputs === undefined ? undefined : Number(values.inputs);
  if (inputs !== undefined && !(Number.isSafeInteger(inputs) && inputs > 0)) throw new UsageError(`--inputs takes a positive number, not \`${values.inputs}\``);
  const timeMs = values.time !== undefined ? parseDuration(values.time) : inputs === undefined ? 60_000 : null;
  if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) throw new UsageError(`--seed takes an integer, not \`${values.seed}\``);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const chosen = targetsOption(values.target);
  const budgetMs = values.budget === "none" ? null : parseDuration(values.budget ?? "10s");
  if (budgetMs === 0) throw new UsageError("--budget takes a duration above zero, or none");
  const out = values.out === "none" ? null : (values.out ?? join(packageRoot, "tests", "regressions"));

  const start = performance.now();
  const progress = progressPrinter();
  const onProgress = (p: FuzzProgress) =>
    progress.show(() => {
      const seconds = (performance.now() - start) / 1000;
      return `${p.inputs} inputs, ${(p.inputs / Math.max(seconds, 0.001)).toFixed(1)}/s, ${p.findings} bad outcome(s), ${seconds.toFixed(0)} s${p.busy ? `  ${visible(p.busy).slice(0, 100)}` : ""}`;
    });
  const what = [timeMs !== null ? `for ${values.time ?? "1m"}` : "", inputs !== undefined ? `${inputs} inputs at most` : ""].filter((s) => s).join(", ");
  printError(`qnano fuzz: seed ${seed}, ${what}, ${chosen.length === 0 ? "the front end only" : `targets ${chosen.join(" and ")}`}, ${budgetMs === null ? "no time budget" : `${budgetMs / 1000} s per pass`}`);
  const report = await runFuzz({
    seed,
    inputs,
    deadline: timeMs === null ? undefined : Date.now() + timeMs,
    targets: chosen,
    binaries: chosen.length > 0,
    budgetMs,
    out,
    minimise: { trials: 2000, ms: 120_000 },
    onProgress,
  });
  progress.end();
  const seconds = report.ms / 1000;
  printLine(`${report.inputs} inputs in ${seconds.toFixed(1)} s (${(report.inputs / seconds).toFixed(1)} inputs/s), seed ${seed}`);
  const width = Math.max(...[...report.tally.keys()].map((k) => k.length), 10);
  for (const [key, n] of report.tally) printLine(`  ${key.padEnd(width)}  ${n}`);
  if (report.findings.length === 0) {
    printLine("no bad outcome");
    return 0;
  }
  printLine(`\n${report.findings.length} distinct bad outcome(s):\n`);
  printLine(report.findings.map((f, k) => describe(f, k + 1)).join("\n\n"));
  return 1;
}
