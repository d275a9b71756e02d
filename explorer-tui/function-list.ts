// The list of the program's functions (`F`), grouped by module: a row naming
// each module and its file, then its functions by their own names (an
// imported module's are `path/name` in the ILs). The first entry is the whole
// program. j k move, Enter shows the chosen one in every view (as `f` does).

import { moduleOfFunction } from "./sources.js";
import type { Trace } from "./trace.js";

/** A row of the list: a module's (entry null) or an entry's (0 the whole program, k the k-th function). */
export interface FunctionRow {
  readonly text: string;
  readonly entry: number | null;
}

/** The function an entry stands for (null: the whole program). */
export const entryFunction = (trace: Trace, entry: number): string | null => (entry === 0 ? null : (trace.functions[entry - 1] ?? null));

/** The entry of a function (0 for the whole program). */
export const functionEntry = (trace: Trace, fn: string | null): number => (fn === null ? 0 : trace.functions.indexOf(fn) + 1);

export function functionRows(trace: Trace): FunctionRow[] {
  const byModule = new Map<string, number[]>();
  trace.functions.forEach((fn, i) => {
    const module = moduleOfFunction(trace.files, fn);
    const entries = byModule.get(module);
    if (entries) entries.push(i + 1);
    else byModule.set(module, [i + 1]);
  });
  const rows: FunctionRow[] = [{ text: "the whole program", entry: 0 }];
  for (const [module, entries] of byModule) {
    const file = trace.files.find((f) => f.module === module)?.file;
    rows.push({ text: `module ${module}${file !== undefined ? `  (${file})` : ""}`, entry: null });
    for (const entry of entries) {
      const fn = trace.functions[entry - 1]!;
      rows.push({ text: `  ${fn.slice(fn.indexOf("/") + 1)}`, entry });
    }
  }
  return rows;
}
