// The hand-written runtime on both targets, exercised directly by hand-written
// assembly mains (tests/runtime-smoke/run.sh: exact stdout, stderr and status
// for printing, reading, panics (division by zero too), buffering,
// callee-saved registers, and the heap routines and leak check of
// spec/heap.md).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";

test("runtime smoke tests pass on x86_64 and aarch64", () => {
  const r = spawnSync("bash", [join(packageRoot, "tests", "runtime-smoke", "run.sh")], { encoding: "utf8" });
  assert.is(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /\[x86_64\] \d+ passed, 0 failed/);
  assert.match(r.stdout, /\[aarch64\] \d+ passed, 0 failed/);
});

test.run();
