// `qnano test FILE...` as a user runs it (cli/test.ts): every `fn test_NAME()`
// of the files in a process of its own, one line each in the order written,
// the panic's message for a failure, a count line that the test suite's own
// summary cannot be mistaken for, status 1 when one failed; --filter; both
// targets; --all. The files are tests/test-command/*.qs (and lib/, the modules all.qs uses).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";
import { targets } from "../ir-defs/targets.js";

const { FORCE_COLOR: _, ...env } = process.env;
const file = (name: string) => join("tests", "test-command", `${name}.qs`);

function qnanoTest(...args: string[]) {
  const r = spawnSync(process.execPath, [join(packageRoot, "bin", "qnano.js"), "test", ...args], { cwd: packageRoot, encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

for (const target of targets) {
  test(`${target}: passing tests, in the order written (the slowest first), and the file's own main not run`, () => {
    const r = qnanoTest(file("passing"), "--target", target);
    assert.is(r.stdout, "ok test_slow_sum\nok test_add\nok test_strings\nqnano test: 3 passed, 0 failed\n");
    assert.is(r.stderr, "");
    assert.is(r.status, 0);
  });

  test(`${target}: each failing test fails alone, with its panic's message, exit status or signal; status 1`, () => {
    const r = qnanoTest(file("failing"), "--target", target);
    assert.is(r.stdout, [
      "ok test_passes",
      "FAIL test_panics: this test fails on purpose",
      "FAIL test_assert: assertion failed",
      "FAIL test_exit: exit status 3",
      "FAIL test_divides: division by zero",
      "FAIL test_out_of_bounds: index out of bounds",
      "qnano test: 1 passed, 5 failed",
      "",
    ].join("\n"));
    assert.is(r.status, 1);
  });
}

for (const target of targets) {
  test(`${target}: --all also runs the tests of the modules the file uses, directly or not, each once; not core's`, () => {
    const r = qnanoTest(file("all"), "--all", "--target", target);
    const lib = join("tests", "test-command", "lib");
    assert.is(r.stdout, [
      `ok ${file("all")}:test_area`,
      `ok ${file("all")}:test_double`,
      `ok ${lib}/shapes.qs:test_square`,
      `ok ${lib}/shapes.qs:test_doubled_rect`,
      `ok ${lib}/util.qs:test_double_zero`,
      `FAIL ${lib}/util.qs:test_double_fails: assertion failed`,
      "qnano test: 5 passed, 1 failed",
      "",
    ].join("\n"));
    assert.is(r.stderr, "");
    assert.is(r.status, 1);
  });
}

test("without --all only the given files' tests run; --all with --filter keeps the modules' tests that match", () => {
  assert.is(qnanoTest(file("all")).stdout, "ok test_area\nok test_double\nqnano test: 2 passed, 0 failed\n");
  const r = qnanoTest(file("all"), "--all", "--filter", "zero");
  assert.is(r.stdout, `ok ${join("tests", "test-command", "lib")}/util.qs:test_double_zero\nqnano test: 1 passed, 0 failed\n`);
  assert.is(r.status, 0);
});

test("--filter keeps the tests whose names contain the text; several files name each test after its file", () => {
  const r = qnanoTest(file("failing"), file("passing"), "--filter", "a");
  assert.is(r.stdout, [
    `ok ${file("failing")}:test_passes`,
    `FAIL ${file("failing")}:test_panics: this test fails on purpose`,
    `FAIL ${file("failing")}:test_assert: assertion failed`,
    `ok ${file("passing")}:test_add`,
    "qnano test: 2 passed, 2 failed",
    "",
  ].join("\n"));
  assert.is(r.status, 1);
  const none = qnanoTest(file("passing"), "--filter", "nothing like it");
  assert.is(none.stdout, "qnano test: 0 passed, 0 failed\n");
  assert.is(none.status, 0);
});

test("the count line is not the test suite's summary (scripts/test.ts reads `N passed, N failed` at a line's start)", () => {
  const r = qnanoTest(file("passing"));
  assert.not.match(r.stdout, /^\d+ passed, \d+ failed/m);
});

test("a file that does not compile: its diagnostics, the other files' tests, status 1", () => {
  const r = qnanoTest(file("broken"), file("passing"), "--filter", "add");
  assert.match(r.stderr, /broken\.qs:1:33: error: expected Int, found Bool/);
  assert.is(r.stdout, `ok ${file("passing")}:test_add\nqnano test: 1 passed, 0 failed; 1 file did not compile\n`);
  assert.is(r.status, 1);
});

test("a file whose own main does not compile does not compile as a test file", () => {
  const r = qnanoTest(file("broken-main"));
  assert.match(r.stderr, /broken-main\.qs:5:18: error: expected Int, found String/);
  assert.is(r.stdout, "qnano test: 0 passed, 0 failed; 1 file did not compile\n");
  assert.is(r.status, 1);
});

test("a main that is no function: the one error that says so", () => {
  const r = qnanoTest(file("main-not-fn"));
  assert.match(r.stderr, /main-not-fn\.qs:3:7: error: `main` must be a function/);
  assert.is(r.stderr.match(/error:/g)?.length, 1);
  assert.is(r.status, 1);
});

test("the test binary reads the test's number with the built-in read_int, whatever the file declares; a panic's line breaks as \\n", () => {
  const r = qnanoTest(file("own-read-int"));
  assert.is(r.stdout, "ok test_first\nFAIL test_second: assertion failed\nFAIL test_two_lines: one\\ntwo\nqnano test: 1 passed, 2 failed\n");
  assert.is(r.status, 1);
});

test("a function named like a test that takes parameters or type parameters is said to be none", () => {
  const r = qnanoTest(file("not-tests"));
  assert.is(r.stdout, "ok test_real\nqnano test: 1 passed, 0 failed\n");
  const path = file("not-tests");
  assert.is(r.stderr, `qnano test: ${path}: \`test_with_input\` is not a test: a test takes no parameters and no type parameters (\`fn test_with_input()\`)\nqnano test: ${path}: \`test_generic\` is not a test: a test takes no parameters and no type parameters (\`fn test_generic()\`)\n`);
  assert.is(r.status, 0);
});

test("no FILE is a usage error", () => {
  const r = qnanoTest();
  assert.is(r.status, 2);
  assert.match(r.stderr, /^qnano: missing FILE/);
});

test.run();
