// `npm test`: runs every uvu suite in dist/tests (compiled from tests/), then
// prints the totals as one plain line, `N passed, N failed`, for people and CI.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { packageRoot } from "../driver/paths.js";

const uvu = join(packageRoot, "node_modules", "uvu", "bin.js");
const pattern = process.argv[2] ?? "\\.test\\.js$";
const result = spawnSync(process.execPath, [uvu, join(packageRoot, "dist", "tests"), pattern], { encoding: "utf8", stdio: ["inherit", "pipe", "inherit"], maxBuffer: 1 << 28 });
process.stdout.write(result.stdout ?? "");
const plain = (result.stdout ?? "").replace(/\x1b\[[0-9;]*m/g, "");
const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? NaN);
const total = count("Total");
const passed = count("Passed");
const skipped = count("Skipped");
if (Number.isNaN(total) || Number.isNaN(passed)) {
  console.log("0 passed, 1 failed (the test runner did not finish: see above)");
  process.exit(1);
}
const failed = total - passed - (Number.isNaN(skipped) ? 0 : skipped);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
