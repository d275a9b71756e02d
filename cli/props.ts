// `qnano props`: the property run (props/) for as many programs or as
// long as asked, with a progress line on stderr, a summary at the end, and
// exit status 1 on any failure (the shrunk program is saved under
// tests/regressions/).
import { join } from "node:path";
import { passesOf } from "../passes/pipeline.js";
import { packageRoot } from "../driver/paths.js";
import { allConstructs } from "../props/generator.js";
import { allOperandPairs } from "../props/operand-pairs.js";
import { describeFailure, runProperties, type Progress } from "../props/run.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { UsageError } from "./usage.js";

export interface PropsValues {
  runs?: string;
  seed?: string;
  pass?: string;
  target?: string;
  time?: string;
  path?: string;
  verbose?: boolean;
}

/** `90s`, `10m`, `2h` (a bare number is seconds) in milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--time takes a duration such as 90s, 10m or 1h, not \`${text}\``);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? "s") as "s" | "m" | "h"];
}

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${name} takes an integer, not \`${text}\``);
  return Number(text);
}

function progressLine(p: Progress, startMs: number, total: number | null): string {
  const seconds = (performance.now() - startMs) / 1000;
  const rate = p.done / Math.max(seconds, 0.001);
  const width = 24;
  const filled = total === null ? 0 : Math.min(width, Math.round((p.done / total) * width));
  const bar = total === null ? "" : `[${"#".repeat(filled)}${".".repeat(width - filled)}] `;
  const state = p.shrinking ? "  shrinking a failure..." : "";
  return `${bar}${p.done}${total === null ? "" : `/${total}`} programs, ${rate.toFixed(1)}/s, ${p.failures} failure(s), ${seconds.toFixed(0)} s${state}`;
}

export async function propsCommand(values: PropsValues): Promise<number> {
  const timeMs = values.time === undefined ? null : parseDuration(values.time);
  const runs = integer("runs", values.runs, timeMs === null ? 1000 : Number.MAX_SAFE_INTEGER);
  if (runs < 1) throw new UsageError("--runs takes a positive number");
  if (values.path !== undefined && values.seed === undefined) throw new UsageError("--path replays a failure together with the --seed it was found with");
  const seed = integer("seed", values.seed, Date.now() % 2 ** 31);
  if (values.pass !== undefined && !passesOf().some((p) => p.name === values.pass)) {
    throw new UsageError(`no pass \`${values.pass}\` (see \`qnano passes\`)`);
  }
  if (values.target !== undefined && values.target !== "none" && !(targets as readonly string[]).includes(values.target)) {
    throw new UsageError(`unknown target \`${values.target}\`: use ${targets.join(" or ")}, or none (the shared front end only)`);
  }
  // `--target none`: the passes up to Lalloc only, no back end and no binaries.
  const chosen: readonly Target[] = values.target === undefined ? targets : values.target === "none" ? [] : [values.target as Target];
  const tty = process.stderr.isTTY === true;
  const start = performance.now();
  const total = timeMs === null ? runs : null;
  let lastLine = 0;
  const onProgress = (p: Progress) => {
    const now = performance.now();
    if (now - lastLine < (tty ? 100 : 10_000)) return;
    lastLine = now;
    const line = progressLine(p, start, total);
    if (tty) process.stderr.write(`\r\x1b[2K${line}`);
    else process.stderr.write(`${line}\n`);
  };
  console.error(`qnano props: seed ${seed}${timeMs === null ? `, ${runs} programs` : `, for ${values.time}`}, ${chosen.length === 0 ? "the front end only" : `targets ${chosen.join(" and ")}`}${values.pass ? `, pass ${values.pass}` : ""}`);
  const report = await runProperties({
    runs,
    seed,
    targets: chosen,
    pass: values.pass,
    // With --pass, only that pass is checked; the binaries are checked when no pass is named or emit-asm is.
    endToEnd: chosen.length > 0 && (values.pass === undefined || values.pass === "emit-asm"),
    path: values.path,
    deadline: timeMs === null ? undefined : Date.now() + timeMs,
    regressions: join(packageRoot, "tests", "regressions"),
    onProgress,
  });
  if (tty) process.stderr.write("\r\x1b[2K");
  const seconds = report.ms / 1000;
  console.log(`${report.runs} programs in ${seconds.toFixed(1)} s (${(report.runs / seconds).toFixed(1)} programs/s), seed ${seed}`);
  console.log("programs checked:");
  const width = Math.max(...[...report.tally.keys()].map((k) => k.length), 10);
  for (const [what, n] of report.tally) console.log(`  ${what.padEnd(width)}  ${n}`);
  const missing = allConstructs.filter((c) => !report.constructs.has(c));
  console.log(`constructs covered: ${allConstructs.length - missing.length} of ${allConstructs.length}${missing.length ? ` (not yet: ${missing.join(", ")})` : ""}`);
  const absent = allOperandPairs.filter((p) => !report.pairs.has(p));
  const more = absent.length === 0 ? "" : values.verbose ? "; not yet:" : ` (--verbose lists the ${absent.length} not yet covered)`;
  console.log(`operand pairs covered (construct in operand position): ${allOperandPairs.length - absent.length} of ${allOperandPairs.length}${more}`);
  if (values.verbose) for (const p of absent) console.log(`  ${p}`);
  if (report.failure) {
    console.log();
    console.log(describeFailure(report.failure));
    return 1;
  }
  console.log("all properties hold");
  return 0;
}
