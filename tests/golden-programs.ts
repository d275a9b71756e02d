// The golden programs of tests/programs/: NAME.qs with its expectations beside
// it: NAME.out (stdout), NAME.in (stdin), NAME.err (stderr, e.g. a panic) and
// NAME.status (exit status; 101 when NAME.err holds a panic, else 0). In
// tests/regressions/ a program may also be a bad one: NAME.status 1 and
// NAME.err the diagnostics (`isRejected`).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { packageRoot } from "../driver/paths.js";

export interface Golden {
  readonly name: string;
  readonly path: string;
  readonly source: string;
  readonly stdin: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** The panic message the interpreters must report, from NAME.err. */
  readonly panic: string | null;
}

export const programsDir = join(packageRoot, "tests", "programs");
/** Programs the front end checks and its interpreters run, until the passes below it can compile them (tests/programs-front.test.ts). */
export const frontProgramsDir = join(packageRoot, "tests", "programs-front");

/** A bad program: NAME.status is 1 and NAME.err holds the diagnostics the front end must give, not a panic. */
export const isRejected = (g: Golden): boolean => g.status === 1 && g.panic === null && g.stderr !== "";

export function loadGoldens(dir = programsDir): Golden[] {
  const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : null);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".qs"))
    .sort()
    .map((f) => {
      const base = join(dir, f.slice(0, -3));
      const stderr = read(`${base}.err`) ?? "";
      const panic = /^panic: (.*)\n$/.exec(stderr)?.[1] ?? null;
      const status = read(`${base}.status`);
      return {
        name: f.slice(0, -3),
        path: relative(packageRoot, join(dir, f)),
        source: read(`${base}.qs`)!,
        stdin: read(`${base}.in`) ?? "",
        stdout: read(`${base}.out`) ?? "",
        stderr,
        status: status !== null ? Number(status.trim()) : panic !== null ? 101 : 0,
        panic,
      };
    });
}
