// `npm test` itself (scripts/test.ts): a test file that never ends is stopped
// at the time limit and counted as failed, and the run still ends with its
// totals line; so a pass broken into an endless loop fails the run, precisely,
// instead of hanging it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";

const uvu = pathToFileURL(join(packageRoot, "node_modules", "uvu", "dist", "index.mjs")).href;
const suite = (body: string) => `import { test } from ${JSON.stringify(uvu)};\n${body}\ntest.run();\n`;

test("a file whose test never ends is stopped at QNANO_TEST_LIMIT and fails; the others count; the totals line ends the run", () => {
  const dir = mkdtempSync(join(tmpdir(), "qnano-test-runner-"));
  try {
    writeFileSync(join(dir, "endless.test.js"), suite(`test("never ends", () => { for (;;); });`));
    writeFileSync(join(dir, "fine.test.js"), suite(`test("one", () => {});\ntest("two", () => {});`));
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(packageRoot, "dist", "scripts", "test.js")], {
      encoding: "utf8",
      env: { ...process.env, QNANO_TEST_DIR: dir, QNANO_TEST_LIMIT: "3" },
    });
    assert.ok(Date.now() - started < 30_000, "the run ends soon after the limit");
    assert.match(r.stdout, /endless\.test\.js: stopped after 3 s \(QNANO_TEST_LIMIT\), still running/);
    assert.match(r.stdout, /\n2 passed, 1 failed\n$/);
    assert.is(r.status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
