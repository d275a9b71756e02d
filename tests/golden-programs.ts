// Programs with their expectations beside them: NAME.qs (tests/programs/), or
// a program of any IL, NAME.<il> (tests/backend/: NAME.lcfg, NAME.lalloc),
// with NAME.out (stdout), NAME.in (stdin), NAME.err (stderr, e.g. a panic) and
// NAME.status (exit status; 101 when NAME.err holds a panic, else 0). The same
// program may be run again on other inputs: NAME.LABEL.in with its own
// NAME.LABEL.out, .err, .status. A LABEL that is a number N is a run too long
// for the interpreters (ten million calls, a million elements): its input is
// `N\n` (unless NAME.N.in says otherwise) and only the binaries make it, while
// the interpreters take NAME.in. In tests/regressions/ a program may also be a
// bad one: NAME.status 1 and NAME.err the diagnostics (`isRejected`).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { packageRoot } from "../driver/paths.js";

/** One run of a program and what it must give. */
export interface Run {
  readonly stdin: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** The panic message the interpreters must report, from the .err file. */
  readonly panic: string | null;
}

/** Another run of the same program: NAME.LABEL.in and what it must give. */
export interface MoreRun extends Run {
  readonly label: string;
  /** Too long a run for the interpreters: only the binaries make it (LABEL is a number). */
  readonly large: boolean;
}

export interface Golden extends Run {
  readonly name: string;
  /** What the program is written in: `qs`, or an IL's name in lower case. */
  readonly extension: string;
  readonly path: string;
  readonly source: string;
  readonly more: readonly MoreRun[];
}

export const programsDir = join(packageRoot, "tests", "programs");
/** Programs of the ILs a back end starts from, each case for both targets (tests/backend.test.ts). */
export const backendDir = join(packageRoot, "tests", "backend");

/** A bad program: NAME.status is 1 and NAME.err holds the diagnostics the front end must give, not a panic. */
export const isRejected = (g: Golden): boolean => g.status === 1 && g.panic === null && g.stderr !== "";

const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : null);

/** The run whose files start with `base` (NAME or NAME.LABEL). */
function runOf(base: string, stdin: string | null): Run {
  const stderr = read(`${base}.err`) ?? "";
  const panic = /^panic: ([^]*)\n$/.exec(stderr)?.[1] ?? null;
  const status = read(`${base}.status`);
  return {
    stdin: read(`${base}.in`) ?? stdin ?? "",
    stdout: read(`${base}.out`) ?? "",
    stderr,
    status: status !== null ? Number(status.trim()) : panic !== null ? 101 : 0,
    panic,
  };
}

/** The programs of `dir` written in the languages `isProgram` accepts (by extension), each with its runs. */
export function loadGoldens(dir = programsDir, isProgram: (extension: string) => boolean = (e) => e === "qs"): Golden[] {
  const files = readdirSync(dir).sort();
  return files.flatMap((f) => {
    const [name, extension, ...rest] = f.split(".");
    if (!name || !extension || rest.length > 0 || !isProgram(extension)) return [];
    const labels = new Set(files.map((g) => /^([^.]+)\.([^.]+)\.(?:in|out|err|status)$/.exec(g)).filter((m) => m?.[1] === name).map((m) => m![2]!));
    const more = [...labels].map((label): MoreRun => {
      const large = /^\d+$/.test(label);
      return { label, large, ...runOf(join(dir, `${name}.${label}`), large ? `${label}\n` : null) };
    });
    return [{ name, extension, path: relative(packageRoot, join(dir, f)), source: read(join(dir, f))!, ...runOf(join(dir, name), null), more }];
  });
}
