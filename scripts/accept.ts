// `npm run accept`: after you have read the diff of a failing diagnostics
// golden, rewrites tests/diagnostics/*.err from what qnano now prints.
// Golden *programs* (tests/programs/*.out) are ground truth and are never
// rewritten from the compiler's output.
import { readFileSync, writeFileSync } from "node:fs";
import { diagnosticCases, goldenPathFor, renderDiagnosticsFor } from "../tests/golden-diagnostics.js";

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
console.log(changed === 0 ? "all diagnostics goldens already match" : `${changed} golden file(s) rewritten`);
