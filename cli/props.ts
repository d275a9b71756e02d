// `qnano props`: the property run (props/) for as many programs or as
// long as asked, with a progress line on stderr, a summary at the end, and
// exit status 1 on any failure (the shrunk program is saved under
// tests/regressions/).
import { join } from "node:path";
import { isatty } from "node:tty";
import { frontEnd, passesOf } from "../passes/pipeline.js";
import { packageRoot } from "../driver/paths.js";
import { constructsFor, defaultGenerator } from "../props/generator.js";
import { operandPairsFor } from "../props/operand-pairs.js";
import { describeFailure, runProperties, type Progress } from "../props/run.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { optOption, UsageError } from "./usage.js";
import { printError, printLine, writeStderr } from "./output.js";

export interface PropsValues {
  runs?: string;
  seed?: string;
  pass?: string;
  target?: string;
  time?: string;
  path?: string;
  verbose?: boolean;
  unions?: boolean;
  until?: string;
  opt?: string;
}

/** `90s`, `10m`, `2h` (a bare number is seconds) in milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--time takes a duration such as 90s, 10m or 1h, not \`${text}\``);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? "s") as "s" | "m" | "h"];
}

/** `--target`: one back end, both (no option), or none: the passes up to Lalloc only, no back end and no binaries. */
export function targetsOption(value: string | undefined): readonly Target[] {
  if (value !== undefined && value !== "none" && !(targets as readonly string[]).includes(value)) {
    throw new UsageError(`unknown target \`${value}\`: use ${targets.join(" or ")}, or none (the shared front end only)`);
  }
  return value === undefined ? targets : value === "none" ? [] : [value as Target];
}

/** Writes a progress line on stderr: redrawn in place at most ten times a second on a terminal, else a line every 10 s; `end` clears it. */
export function progressPrinter(): { show(line: () => string): void; end(): void } {
  const tty = isatty(2);
  let last = 0;
  return {
    show(line) {
      const now = performance.now();
      if (now - last < (tty ? 100 : 10_000)) return;
      last = now;
      writeStderr(tty ? `\r\x1b[2K${line()}` : `${line()}\n`);
    },
    end: () => void (tty && writeStderr("\r\x1b[2K")),
  };
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
  if (values.until !== undefined && !frontEnd.slice(1).some((p) => p.name === values.until)) {
    throw new UsageError(`--until takes a pass of the shared front end after parse (${frontEnd.slice(1, 4).map((p) => p.name).join(", ")}, ...), not \`${values.until}\``);
  }
  const generator = values.unions ? { ...defaultGenerator, unions: true } : defaultGenerator;
  // With --until, no back end runs.
  const chosen = values.until === undefined ? targetsOption(values.target) : [];
  const start = performance.now();
  const total = timeMs === null ? runs : null;
  const progress = progressPrinter();
  const onProgress = (p: Progress) => progress.show(() => progressLine(p, start, total));
  const what = values.until !== undefined ? `the front end up to ${values.until}` : chosen.length === 0 ? "the front end only" : `targets ${chosen.join(" and ")}`;
  printError(`qnano props: seed ${seed}${timeMs === null ? `, ${runs} programs` : `, for ${values.time}`}, ${what}${values.pass ? `, pass ${values.pass}` : ""}${generator.unions ? ", with unions" : ""}`);
  const report = await runProperties({
    runs,
    seed,
    targets: chosen,
    opt: optOption(values.opt),
    pass: values.pass,
    until: values.until,
    generator,
    // With --pass, only that pass is checked; the binaries are checked when no pass is named or emit-asm is.
    endToEnd: chosen.length > 0 && (values.pass === undefined || values.pass === "emit-asm"),
    path: values.path,
    deadline: timeMs === null ? undefined : Date.now() + timeMs,
    regressions: join(packageRoot, "tests", "regressions"),
    onProgress,
  });
  progress.end();
  const seconds = report.ms / 1000;
  printLine(`${report.runs} programs in ${seconds.toFixed(1)} s (${(report.runs / seconds).toFixed(1)} programs/s), seed ${seed}`);
  printLine("programs checked:");
  const width = Math.max(...[...report.tally.keys()].map((k) => k.length), 10);
  for (const [what, n] of report.tally) printLine(`  ${what.padEnd(width)}  ${n}`);
  const constructs = constructsFor(generator);
  const missing = constructs.filter((c) => !report.constructs.has(c));
  printLine(`constructs covered: ${constructs.length - missing.length} of ${constructs.length}${missing.length ? ` (not yet: ${missing.join(", ")})` : ""}`);
  const pairs = operandPairsFor(generator);
  const absent = pairs.filter((p) => !report.pairs.has(p));
  const more = absent.length === 0 ? "" : values.verbose ? "; not yet:" : ` (--verbose lists the ${absent.length} not yet covered)`;
  printLine(`operand pairs covered (construct in operand position): ${pairs.length - absent.length} of ${pairs.length}${more}`);
  if (values.verbose) for (const p of absent) printLine(`  ${p}`);
  if (report.failure) {
    printLine();
    printLine(describeFailure(report.failure));
    return 1;
  }
  printLine("all properties hold");
  return 0;
}
