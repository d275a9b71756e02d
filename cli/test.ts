// `qnano test FILE...`: runs every `fn test_NAME()` of the files, each test in a
// process of its own, so that a panic fails that test only.
//
// Each file is compiled once, into a binary whose main runs the test whose
// number it reads on standard input (front-end/test-entry.ts): one compilation
// per file rather than one per test, since compiling takes far longer than
// running a test, and the tests' processes start from the same binary. They
// run several at once, one per processor (AArch64 ones under qemu-aarch64).
// Each test prints one line, in the order the tests are written whatever order
// they end in: `ok NAME`, or `FAIL NAME: <why>`, where why is the panic's
// message, its line breaks written \n (or the exit status, or the signal, or
// the time limit); NAME is the
// function's name, after its file's when several files are tested. With
// `--all`, the modules the files use, directly or not (the shipped core.*
// ones aside), are tested too, each compiled as a program of its own (its
// tests can be private), named after its file. Then
// `qnano test: N passed, N failed` (prefixed, so that it is never taken for
// the summary of qnano's own test suite; a file that did not compile, whose
// diagnostics are on stderr, is counted after), and the status is 1 when a
// test failed or a file did not compile.

import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { makeTemporaryFolder } from "../driver/files.js";
import { toolNames } from "../driver/toolchain.js";
import { diagnosticSink } from "../front-end/diagnostics.js";
import { parseModuleFile } from "../front-end/parser.js";
import { notTests, testNames } from "../front-end/test-entry.js";
import type { Target } from "../ir-defs/targets.js";
import { printError, printLine } from "./output.js";

/** One test to run: its binary and its number in it. */
interface Job {
  readonly name: string;
  readonly exe: string;
  readonly index: number;
}

/** A test's run may take this long (qemu included) before it fails. */
const timeLimitMs = 10_000;

/** Why a test failed, from how its process ended; null when it passed. */
function failure(status: number | null, signal: string | null, stderr: string, timedOut: boolean): string | null {
  if (timedOut) return `timed out after ${timeLimitMs / 1000} s`;
  if (signal !== null) return `killed by ${signal}`;
  const panic = /(?:^|\n)panic: ([^]*)$/.exec(stderr); // (its message may hold line breaks: shown as \n, one line per test)
  if (panic) return panic[1]!.replace(/\n$/, "").replaceAll("\n", "\\n");
  return status === 0 ? null : `exit status ${status}`;
}

/** Runs one test: why it failed, or null. */
function runTest(job: Job, target: Target): Promise<string | null> {
  const [command, ...args] = [...toolNames(target).run, job.exe];
  return new Promise((resolve) => {
    const child = spawn(command!, args, { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeLimitMs);
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdin.on("error", () => {}); // (a test that ends without reading its number)
    child.stdin.end(`${job.index}\n`);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve(`cannot run ${command}: ${e.message}`);
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve(failure(status, signal, stderr, timedOut));
    });
  });
}

/** The tests of a file whose names contain `filter`, as it declares them (none when it does not parse: compiling it says why). */
function testsOf(file: string, source: string, filter: string | undefined): string[] {
  const sink = diagnosticSink(file);
  const program = parseModuleFile(source, sink);
  if (sink.diagnostics.length > 0) return [];
  // Named like a test, but none: said, rather than left out without a word.
  for (const name of notTests(program)) printError(`qnano test: ${file}: \`${name}\` is not a test: a test takes no parameters and no type parameters (\`fn ${name}()\`)`);
  return testNames(program).filter((name) => filter === undefined || name.includes(filter));
}

/** `build(file, source, tests, exe)` compiles a file's test binary (false: it reported why not). */
export async function testCommand(
  files: readonly { file: string; source: string; optional?: boolean }[],
  build: (file: string, source: string, tests: readonly string[], exe: string) => boolean,
  target: Target,
  filter: string | undefined,
): Promise<number> {
  const dir = makeTemporaryFolder("qnano-test-");
  try {
    const jobs: Job[] = [];
    let broken = 0;
    files.forEach(({ file, source, optional }, i) => {
      const tests = testsOf(file, source, filter);
      if (optional && tests.length === 0) return; // (a module --all adds, with no test to run)
      const exe = join(dir, `tests${i}`);
      if (!build(file, source, tests, exe)) broken++;
      else tests.forEach((test, index) => jobs.push({ name: files.length > 1 ? `${file}:${test}` : test, exe, index }));
    });
    // Every test starts as soon as a processor is free; its line is printed once those before it are.
    const results: (string | null | undefined)[] = jobs.map(() => undefined);
    let printed = 0;
    let failed = 0;
    const flush = () => {
      for (; printed < jobs.length && results[printed] !== undefined; printed++) {
        const why = results[printed];
        if (why !== null) failed++;
        printLine(why === null ? `ok ${jobs[printed]!.name}` : `FAIL ${jobs[printed]!.name}: ${why}`);
      }
    };
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < jobs.length; i = next++) {
        results[i] = await runTest(jobs[i]!, target);
        flush();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
    const notCompiled = broken === 0 ? "" : `; ${broken} file${broken === 1 ? "" : "s"} did not compile`;
    printLine(`qnano test: ${jobs.length - failed} passed, ${failed} failed${notCompiled}`);
    return failed > 0 || broken > 0 ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
