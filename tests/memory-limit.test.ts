// The runtime's cap on memory (qn_cap_memory, spec/heap.md "The allocator"):
// at start a compiled program lowers its soft RLIMIT_AS to the machine's RAM
// and swap, so that a mapping past them fails and the allocator panics `out of
// memory`, where the kernel would otherwise grant it and kill the process
// with SIGKILL once its pages are touched. Seen from outside, in
// /proc/PID/limits, while the program waits on read_int. x86-64 only:
// qemu-aarch64 answers the guest's prlimit64 on RLIMIT_AS without changing
// anything, so the AArch64 runtime's cap cannot be seen under qemu (the
// golden programs show that its call does no harm there).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assemblyOf, compile } from "../driver/driver.js";
import { assembleAndLink } from "../driver/toolchain.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-memory-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const exe = join(dir, "wait");
assembleAndLink(assemblyOf(compile("fn main() {\n    print(read_int())\n}\n", "wait.qs", { target: "x86_64" })), "x86_64", exe);

/** The machine's RAM and swap in bytes, as sysinfo gives them (os.totalmem is sysinfo's totalram). */
function ramAndSwap(): bigint {
  const swap = /^SwapTotal:\s+(\d+) kB$/m.exec(readFileSync("/proc/meminfo", "utf8"));
  return BigInt(totalmem()) + BigInt(swap?.[1] ?? "0") * 1024n;
}

/** Runs the program under `ulimit -v kib` (or none), reads its soft address-space limit once
 * the cap is in place (while it waits for its input), then gives it 7 and checks it prints 7. */
async function softLimitSeen(kib: number | null): Promise<string> {
  const script = kib === null ? 'exec "$0"' : `ulimit -v ${kib} && exec "$0"`;
  const child = spawn("bash", ["--norc", "-c", script, exe], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += d));
  const ended = new Promise<number | null>((resolve) => child.on("close", resolve));
  // Once bash has exec'd the program and it sleeps in read_int, _start has called qn_cap_memory.
  const read = (file: string) => {
    try {
      return readFileSync(`/proc/${child.pid}/${file}`, "utf8");
    } catch {
      return "";
    }
  };
  const waiting = () => read("cmdline").split("\0")[0] === exe && /^State:\s+S/m.test(read("status"));
  for (let k = 0; k < 200 && !waiting(); k++) await new Promise((resolve) => setTimeout(resolve, 25));
  const seen = /^Max address space\s+(\S+)/m.exec(read("limits"))?.[1] ?? "";
  child.stdin.end("7\n");
  const status = await ended;
  assert.is(stdout, "7\n");
  assert.is(status, 0);
  return seen;
}

test("a program's address space is capped at the machine's RAM and swap", async () => {
  assert.is(await softLimitSeen(null), String(ramAndSwap()));
});

test("a lower limit given to the program is kept", async () => {
  assert.is(await softLimitSeen(1_000_000), String(1_000_000 * 1024));
});

test("a limit above RAM and swap is lowered to them", async () => {
  const above = Number(ramAndSwap() / 1024n) * 2;
  assert.is(await softLimitSeen(above), String(ramAndSwap()));
});

test.run();
