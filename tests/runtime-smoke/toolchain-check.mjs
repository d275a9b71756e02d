// Checks driver/toolchain.ts (compiled to JS; its path is argv[2]) with the
// hand-written smoke mains. Called by run.sh; exit status 0 = all passed.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const toolchainPath = process.argv[2];
if (toolchainPath === undefined) throw new Error("usage: node toolchain-check.mjs <toolchain.js>");
const tc = { ...(await import(path.resolve(toolchainPath))), ...(await import(path.resolve(path.dirname(toolchainPath), "..", "ir-defs", "targets.js"))) };
const here = path.dirname(fileURLToPath(import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "qnano-tc-check-"));
let failures = 0;
const buildDirs = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("qnano-build-"));
const buildDirsBefore = new Set(buildDirs());

function test(name, fn) {
  try {
    fn();
  } catch (e) {
    failures++;
    console.log(`FAIL [toolchain] ${name}: ${e instanceof Error ? e.message : e}`);
  }
}

const smokeOut =
  "0\n1\n-1\n42\n-1234567890\n9223372036854775807\n-9223372036854775808\ntrue\nfalse\n-17\n5\n";

test("exports", () => {
  assert.deepEqual([...tc.targets], ["x86_64", "aarch64"]);
  assert.ok(tc.targets.includes(tc.hostTarget));
  assert.deepEqual(tc.toolNames(tc.hostTarget), { as: "as", ld: "ld", run: [] });
  if (tc.hostTarget === "x86_64") {
    assert.deepEqual(tc.toolNames("aarch64"), {
      as: "aarch64-linux-gnu-as", ld: "aarch64-linux-gnu-ld", run: ["qemu-aarch64"],
    });
  }
});

for (const target of tc.targets) {
  const source = fs.readFileSync(path.join(here, `main_${target}.s`), "utf8");
  const bin = path.join(work, `smoke-${target}`);

  test(`${target}: link and run`, () => {
    let t0 = Date.now();
    tc.assembleAndLink(source, target, bin);
    const first = Date.now() - t0;
    t0 = Date.now();
    for (let i = 0; i < 10; i++) tc.assembleAndLink(source, target, bin);
    console.log(`[toolchain] ${target}: first link ${first} ms, then ${(Date.now() - t0) / 10} ms per link`);
    const r = tc.runBinary(bin, target, { stdin: "1\n-17\n5\n" });
    assert.deepEqual(r, { stdout: smokeOut, stderr: "", status: 3, timedOut: false });
  });

  test(`${target}: panic, default empty stdin`, () => {
    const r = tc.runBinary(bin, target);
    assert.deepEqual(r, { stdout: "", stderr: "panic: bad input\n", status: 101, timedOut: false });
  });

  test(`${target}: large unread stdin`, () => {
    const r = tc.runBinary(bin, target, { stdin: "3\n" + "x".repeat(4 << 20) });
    assert.deepEqual(r, { stdout: "7\n", stderr: "panic: division by zero\n", status: 101, timedOut: false });
  });

  test(`${target}: large output`, () => {
    const r = tc.runBinary(bin, target, { stdin: "5\n" });
    assert.equal(r.status, 0);
    assert.equal(r.stdout.split("\n").length, 100001);
  });

  test(`${target}: signal`, () => {
    const r = tc.runBinary(bin, target, { stdin: "8\n" });
    assert.deepEqual(r, { stdout: "", stderr: "", status: 139, signal: "SIGSEGV", timedOut: false });
  });

  test(`${target}: timeout`, () => {
    const t0 = Date.now();
    const r = tc.runBinary(bin, target, { stdin: "7\n", timeoutMs: 300 });
    assert.ok(Date.now() - t0 < 5000);
    assert.deepEqual(r, { stdout: "", stderr: "", status: 137, signal: "SIGKILL", timedOut: true });
  });

  test(`${target}: assembler error`, () => {
    assert.throws(() => tc.assembleAndLink(" .globl qn_main\nqn_main:\n bogus_instruction\n", target, bin), (e) => {
      assert.ok(e instanceof tc.ToolchainError);
      assert.match(e.message, /^program\.s:3: Error: .*bogus_instruction/m);
      return true;
    });
  });

  test(`${target}: link error`, () => {
    assert.throws(() => tc.assembleAndLink(" .text\n", target, bin), (e) => {
      assert.ok(e instanceof tc.ToolchainError);
      assert.match(e.message, /undefined reference to `qn_main'/);
      return true;
    });
  });
}

test("missing tools name their Debian package", () => {
  const savedPath = process.env.PATH;
  process.env.PATH = "/nonexistent";
  try {
    assert.throws(() => tc.runBinary(path.join(work, "smoke-aarch64"), "aarch64"), /qemu-aarch64 not found.*qemu-user/);
    assert.throws(() => tc.assembleAndLink("", "aarch64", path.join(work, "x")), /aarch64-linux-gnu-as not found.*binutils-aarch64-linux-gnu/);
  } finally {
    process.env.PATH = savedPath;
  }
});

const leftovers = buildDirs().filter((n) => !buildDirsBefore.has(n));
test("no temporary build folders left", () => assert.deepEqual(leftovers, []));

fs.rmSync(work, { recursive: true, force: true });
console.log(`[toolchain] ${failures === 0 ? "all checks passed" : `${failures} check(s) failed`}`);
process.exit(failures === 0 ? 0 : 1);
