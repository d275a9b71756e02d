// Each file of a compilation is lexed and parsed once. The driver must read
// every file the program's imports reach before any pass runs (passes do no
// I/O), so it parses each file it reads to find its `use`s (driver/source-set.ts);
// the parse pass then takes that parse (`takeParse`) instead of reading the text
// again. A parse taken leaves the cache, so that nothing keeps a program's first
// tree alive once later ILs exist (at 100k lines that tree is about 600 MB); the
// driver also forgets the rest when it starts reading a program's files.

import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { diagnosticSink, type Diagnostic } from "./diagnostics.js";
import { parseModuleFile } from "./parser.js";

export interface Parsed {
  readonly source: string;
  readonly program: Lmodules.Program;
  /** Its syntax errors (none when it parsed). */
  readonly diagnostics: readonly Diagnostic[];
}

const parses = new Map<string, Parsed>();
let made = 0;

/** The parse of `source`, the text of `file`: of the program's own file (`main`: its locs name
 * no file, as the program's own places) or of a module's (its locs name its file). */
export function parseOnce(source: string, file: string, main: boolean): Parsed {
  const key = `${main ? "main" : "module"} ${file}`;
  const known = parses.get(key);
  if (known?.source === source) return known;
  const sink = diagnosticSink(file);
  made++;
  const parsed = { source, program: parseModuleFile(source, sink, undefined, main ? undefined : file), diagnostics: sink.diagnostics };
  parses.set(key, parsed);
  return parsed;
}

/** The parse of `source` as parseOnce gives it, taken out of the cache: the parse pass's, which
 * is the last use of a file's parse in a compilation. */
export function takeParse(source: string, file: string, main: boolean): Parsed {
  const parsed = parseOnce(source, file, main);
  parses.delete(`${main ? "main" : "module"} ${file}`);
  return parsed;
}

/** Forgets every parse: a new compilation starts. */
export function forgetParses(): void {
  parses.clear();
  made = 0;
}

/** How many parses were made since the last `forgetParses` (a test counts them). */
export const parsesMade = (): number => made;

/** The modules a parsed file imports, each as its path (`use a.b.{f}`: ["a", "b"]). */
export const importsOf = (parsed: Parsed): string[][] =>
  parsed.program.items.flatMap((item) => (item.kind === "Use" ? [[...item.path]] : []));
