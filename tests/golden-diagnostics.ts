// Golden diagnostics: each tests/diagnostics/NAME.qs is a bad program and
// NAME.err the exact text qnano prints for it (uncoloured), from its bytes as
// the command reads them (so a case may hold invalid UTF-8): its errors, or, for
// a program the front end accepts, its warnings. The front-end test
// compares them; `npm run accept` rewrites the .err files from
// renderDiagnosticsFor after a human has read the diff.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkTypes } from "../passes/check-types.js";
import { parse } from "../passes/parse.js";
import { resolveModules } from "../passes/resolve-modules.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import { decodeSource } from "../front-end/source-file.js";
import { packageRoot } from "../driver/paths.js";
import { passContext } from "../driver/driver.js";
import type { Warning } from "../il/pass.js";

export const diagnosticsFolder = "tests/diagnostics";

/** The golden cases, as paths from the package root (`tests/diagnostics/NAME.qs`), sorted. */
export function diagnosticCases(): string[] {
  return readdirSync(join(packageRoot, diagnosticsFolder))
    .filter((f) => f.endsWith(".qs"))
    .sort()
    .map((f) => `${diagnosticsFolder}/${f}`);
}

/** The expected-output file of a case: NAME.qs -> NAME.err. */
export const goldenPathFor = (casePath: string): string => casePath.replace(/\.qs$/, ".err");

/** What the front end says about a file: the formatted errors, or else warnings, and a
 * final newline, or "" when the file has none. `path` is from the package root and is
 * shown as it is. */
export function renderDiagnosticsFor(path: string): string {
  const { text, diagnostics } = decodeSource(readFileSync(join(packageRoot, path)), path);
  if (diagnostics.length > 0) return formatDiagnostics(diagnostics, text, false) + "\n";
  return renderDiagnosticsOf(text, path);
}

/** The same for source text given directly. */
export function renderDiagnosticsOf(source: string, file: string): string {
  const warnings: Warning[] = [];
  const context = passContext(file, source, warnings);
  try {
    checkTypes.run(resolveModules.run(parse.run(source, context), context), context);
    return warnings.length === 0 ? "" : formatDiagnostics(warnings, source, false, "warning") + "\n";
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return formatDiagnostics(e.diagnostics, source, false, "error", e.sources) + "\n";
  }
}
