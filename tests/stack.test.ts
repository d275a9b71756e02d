// Compiled programs under stack limits from `ulimit -s 32` to `unlimited`, on
// both targets (spec/calls.md, "Stack overflow"): golden programs with calls
// give their expected output, a recursion over a third of the stack runs, and
// an endless or too deep one panics with `stack overflow` (status 101), never
// a SIGSEGV. Under qemu the guest's stack is a mapping of its own, made the
// limit's size with `-s` (the guest's prlimit64 reports the host's limit).
// tests/runtime-smoke/run.sh checks the runtime's side with hand-written
// frames: huge ones, and a stack full of environment variables.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { assemblyOf, compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { assembleAndLink, toolNames } from "../driver/toolchain.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { loadGoldens } from "./golden-programs.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-stack-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

/** Stack limits in KiB, as `ulimit -s` takes them (unlimited: the runtime uses 8 MiB). */
const limits = ["32", "64", "256", "8192", "unlimited"] as const;
const kib = (limit: string) => (limit === "unlimited" ? 8192 : Number(limit));

/** Golden programs that call (recursion, mutual recursion, an endless one). */
const goldens = loadGoldens().filter((g) => ["ackermann", "even_odd", "fib_recursive", "stack_overflow"].includes(g.name));
const depthPath = join("tests", "stack", "depth.qs");
const depthSource = readFileSync(join(packageRoot, depthPath), "utf8");

function build(name: string, source: string, path: string, target: Target): string {
  const exe = join(dir, `${name}.${target}`);
  assembleAndLink(assemblyOf(compile(source, path, { target })), target, exe);
  return exe;
}

/** Runs exe under `ulimit -s limit` (and qemu's -s of that size unless told
 * otherwise), with nothing in its environment but PATH. */
function run(exe: string, target: Target, limit: string, stdin: string, qemuSize = true) {
  const prefix = toolNames(target).run;
  const size = prefix.length > 0 && qemuSize && limit !== "unlimited" ? ["-s", String(kib(limit) * 1024)] : [];
  // (--norc: bash reads ~/.bashrc when it thinks rshd started it, and node
  // gives it a socket for stdin, which is what it looks at)
  const r = spawnSync("bash", ["--norc", "-c", 'ulimit -s "$1" && shift && exec "$@"', "stack-limit", limit, ...prefix, ...size, exe], {
    input: stdin,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
    timeout: 30_000,
  });
  const how = r.signal !== null ? `killed by ${r.signal}` : `status ${r.status}`;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, how };
}

for (const target of targets) {
  const stack = suite(`stack limits on ${target}`);
  const exes = new Map<string, string>();
  stack.before(() => {
    for (const g of goldens) exes.set(g.name, build(g.name, g.source, g.path, target));
    exes.set("depth", build("depth", depthSource, depthPath, target));
  });

  for (const limit of limits) {
    stack(`golden programs with calls under ulimit -s ${limit}`, () => {
      for (const g of goldens) {
        const r = run(exes.get(g.name)!, target, limit, g.stdin);
        assert.is(r.stdout, g.stdout, `${g.name}: stdout (${r.how})`);
        assert.is(r.stderr, g.stderr, `${g.name}: stderr (${r.how})`);
        assert.is(r.status, g.status, `${g.name}: ${r.how}`);
      }
    });

    // depth's frame is 16 bytes (return address and frame pointer; x29 and
    // x30): limit × 20 calls take under a third of the stack, limit × 128
    // twice all of it.
    stack(`a recursion over a third of the stack under ulimit -s ${limit}`, () => {
      const n = kib(limit) * 20;
      const r = run(exes.get("depth")!, target, limit, `${n}\n`);
      assert.is(r.stderr, "", r.how);
      assert.is(r.stdout, `${n}\n610\n`, r.how);
      assert.is(r.status, 0, r.how);
    });

    stack(`a recursion twice as deep as the stack under ulimit -s ${limit}`, () => {
      const r = run(exes.get("depth")!, target, limit, `${kib(limit) * 128}\n`);
      assert.is(r.stdout, "", r.how);
      assert.is(r.stderr, "panic: stack overflow\n", r.how);
      assert.is(r.status, 101, r.how);
    });
  }

  if (toolNames(target).run.length > 0) {
    // Without -s qemu maps max(8 MiB, the host's limit): the runtime uses
    // the smaller limit it reports, and still panics in time.
    stack("under ulimit -s 256 with qemu's own stack size", () => {
      const ok = run(exes.get("depth")!, target, "256", "5000\n", false);
      assert.is(ok.stdout, "5000\n610\n", ok.how);
      const deep = run(exes.get("stack_overflow")!, target, "256", "", false);
      assert.is(deep.stdout, "1\n", deep.how);
      assert.is(deep.stderr, "panic: stack overflow\n", deep.how);
      assert.is(deep.status, 101, deep.how);
    });
  }
  stack.run();
}
