// The standard library's own tests: tests/core/NAME_test.qs, written in Quastra
// over core.test's assert_eq, run by `qnano test` on both targets (AArch64
// under qemu-aarch64). Each file's report must be tests/core/NAME_test.out, line
// for line: the tests named ..._panics and ..._fails fail on purpose, and the
// file says with which message (a library panic's, or assert_eq's).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";
import { targets } from "../ir-defs/targets.js";
import { coreModules } from "../front-end/modules.js";

const { FORCE_COLOR: _, ...env } = process.env;
const folder = join("tests", "core");
const files = readdirSync(join(packageRoot, folder)).filter((name) => name.endsWith("_test.qs")).sort();

test("every module of core/ has its tests, the prelude's included", () => {
  const modules = readdirSync(join(packageRoot, "core")).filter((name) => name.endsWith(".qs"));
  assert.equal(modules.map((m) => m.replace(/\.qs$/, "_test.qs")).sort(), files);
});

test("the modules the compiler ships are those front-end/modules.ts knows (`use core.NAME` finds them)", () => {
  const shipped = readdirSync(join(packageRoot, "core")).filter((name) => name.endsWith(".qs")).map((name) => name.replace(/\.qs$/, ""));
  assert.equal(shipped.sort(), [...coreModules].sort());
});

for (const target of targets) {
  for (const file of files) {
    test(`${target}: ${file}`, () => {
      const r = spawnSync(process.execPath, [join(packageRoot, "bin", "qnano.js"), "test", join(folder, file), "--target", target], { cwd: packageRoot, encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
      const want = readFileSync(join(packageRoot, folder, file.replace(/\.qs$/, ".out")), "utf8");
      assert.is(r.stderr, "");
      assert.is(r.stdout, want);
      assert.is(r.status, /^FAIL /m.test(want) ? 1 : 0);
    });
  }
}

test.run();
