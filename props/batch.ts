// Many generated programs in one binary, so the end-to-end property pays for
// one assembler and one linker run per batch instead of per program. Each
// program's labels get a suffix (`qn_main` -> `qn_main_p3`, `main.block1` ->
// `main.block1_p3`), and a small dispatcher is the binary's `qn_main`: it
// reads the first line of standard input with the runtime's own `qn_read_int`
// and jumps to that program's entry, which then runs exactly as it would
// alone (with the rest of the input, the same runtime, the same exit).
// Running a program is then one process start: natively, or under qemu.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { toolNames } from "../driver/toolchain.js";
import { type Target } from "../ir-defs/targets.js";
import { runtimeObjectFor } from "./runtime-object.js";

const run = promisify(execFile);

/** The labels a program's assembly defines (`name:` or `"name":` at the start of a line: spec/symbols.md). */
function definedLabels(assembly: string): Set<string> {
  return new Set([...assembly.matchAll(/^(?:([A-Za-z_.$][\w.$]*)|"([^"]*)"):/gm)].map((m) => m[1] ?? m[2]!));
}

/** The program's assembly with each label it defines renamed `label_pK` (quoted ones inside their quotes). */
export function suffixLabels(assembly: string, k: number): string {
  const labels = definedLabels(assembly);
  const rename = (token: string): string => {
    if (!token.startsWith('"')) return labels.has(token) ? `${token}_p${k}` : token;
    const symbol = token.slice(1, -1);
    return labels.has(symbol) ? `"${symbol}_p${k}"` : token;
  };
  // String literals (the .ascii data) are kept as they are.
  return assembly
    .split("\n")
    .map((line) => (/^\s*\.ascii\b/.test(line) ? line : line.replace(/"(?:[^"\\]|\\.)*"|[A-Za-z_.$][\w.$]*/g, rename)))
    .join("\n");
}

/** `qn_main` for a batch: reads the program number from stdin and jumps to that program's qn_main. */
function dispatcher(target: Target, count: number): string {
  const lines = [".text", ".globl qn_main", "qn_main:"];
  if (target === "x86_64") {
    // On entry %rsp is 8 mod 16; qn_read_int wants it 0 mod 16 at the call.
    lines.push("subq $8, %rsp", "callq qn_read_int", "addq $8, %rsp");
    for (let k = 0; k < count; k++) lines.push(`cmpq $${k}, %rax`, `je qn_main_p${k}`);
    lines.push("ud2");
  } else {
    lines.push("stp x29, x30, [sp, #-16]!", "bl qn_read_int", "ldp x29, x30, [sp], #16");
    for (let k = 0; k < count; k++) lines.push(`cmp x0, #${k}`, `b.ne 1f`, `b qn_main_p${k}`, "1:");
    lines.push("brk #0");
  }
  return lines.map((l) => (l.endsWith(":") ? l : `        ${l}`)).join("\n") + "\n";
}

/** Assembles and links the programs into one binary at `out`; throws when a tool fails. */
export async function buildBatch(assemblies: readonly string[], target: Target, out: string): Promise<void> {
  const tools = toolNames(target);
  const text = dispatcher(target, assemblies.length) + assemblies.map((a, k) => suffixLabels(a, k)).join("\n");
  writeFileSync(`${out}.s`, text);
  await run(tools.as, ["-o", `${out}.o`, `${out}.s`], { maxBuffer: 1 << 24 });
  await run(tools.ld, ["-static", "-z", "noexecstack", "-o", out, runtimeObjectFor(target), `${out}.o`], { maxBuffer: 1 << 24 });
}

export interface BinaryRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** Killed: by the time limit or a signal. */
  readonly killed: boolean;
}

/** Runs a binary (under qemu for a foreign target) with the given input, its leak check on. */
export function runBinaryAsync(binary: string, target: Target, stdin: string): Promise<BinaryRun> {
  const [command, ...args] = [...toolNames(target).run, binary];
  return new Promise((resolve) => {
    // With the runtime's leak check on: a program that returns from main says what it left live (spec/heap.md).
    const env = { ...process.env, QNANO_LEAK_CHECK: "1" };
    const child = execFile(command!, args, { encoding: "utf8", env, timeout: 3_000, killSignal: "SIGKILL", maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ stdout, stderr, status: typeof code === "number" ? code : error ? 128 : 0, killed: child.signalCode !== null });
    });
    child.stdin?.on("error", () => {}); // the program may end without reading its input
    child.stdin?.end(stdin);
  });
}

/** Runs `jobs` with at most one per processor at a time; results in order. */
export async function inParallel<T>(jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, cpus().length) }, worker));
  return results;
}

/** Where a batch binary for a target goes in a folder. */
export const batchBinary = (dir: string, target: Target) => join(dir, `batch-${target}`);
