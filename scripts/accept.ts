// `npm run accept`: after you have read the diff of a failing diagnostics
// golden, rewrites tests/diagnostics/*.err (and the .err of the bad programs
// among tests/regressions/) from what qnano now prints.
// Golden *programs* (tests/programs/*.out) are ground truth and are never
// rewritten from the compiler's output.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../driver/paths.js";
import { diagnosticCases, goldenPathFor, renderDiagnosticsFor, renderDiagnosticsOf } from "../tests/golden-diagnostics.js";
import { isRejected, loadGoldens } from "../tests/golden-programs.js";

let changed = 0;
for (const path of diagnosticCases()) {
  const golden = goldenPathFor(path);
  const now = renderDiagnosticsFor(path);
  let old = "";
  try {
    old = readFileSync(golden, "utf8");
  } catch {}
  if (old === now) continue;
  writeFileSync(golden, now);
  console.log(`accepted ${golden}`);
  changed++;
}
// The bad programs among the regressions (tests/regressions/NAME.err with NAME.status 1) too.
for (const g of loadGoldens(join(packageRoot, "tests", "regressions")).filter(isRejected)) {
  const now = renderDiagnosticsOf(g.source, g.path);
  if (now === g.stderr) continue;
  writeFileSync(join(packageRoot, g.path.replace(/\.qs$/, ".err")), now);
  console.log(`accepted ${g.path.replace(/\.qs$/, ".err")}`);
  changed++;
}
console.log(changed === 0 ? "all diagnostics goldens already match" : `${changed} golden file(s) rewritten`);
