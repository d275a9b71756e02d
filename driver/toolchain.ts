// The external toolchain: assemble compiled programs together with the
// qnano runtime (runtime-asm/<target>/runtime.s), link static ELF
// executables with no libc, and run them (natively, or under qemu-user
// for the other architecture).
//
// Everything is synchronous and shell-free (spawnSync with argument
// arrays), so file names never need quoting.

import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { Target } from "../ir-defs/targets.js";
import { makeTemporaryFolder, writeOutputFile } from "./files.js";

/** The target the machine we run on executes natively (from process.arch). */
export const hostTarget: Target = process.arch === "arm64" ? "aarch64" : "x86_64";

/** A tool was missing or failed; the message carries the tool's stderr. */
export class ToolchainError extends Error {
  override name = "ToolchainError";
}

/** Programs used for a target: assembler, linker, and the command prefix used to run its binaries. */
export function toolNames(target: Target): { as: string; ld: string; run: string[] } {
  if (target === hostTarget) return { as: "as", ld: "ld", run: [] };
  if (target === "aarch64") {
    return { as: "aarch64-linux-gnu-as", ld: "aarch64-linux-gnu-ld", run: ["qemu-aarch64"] };
  }
  return { as: "x86_64-linux-gnu-as", ld: "x86_64-linux-gnu-ld", run: ["qemu-x86_64"] };
}

/** The Debian package that provides a tool, for "please install" messages. */
export function debianPackage(tool: string): string {
  if (tool.startsWith("qemu-")) return "qemu-user";
  // gcc, or a cross compiler: aarch64-linux-gnu-gcc is in gcc-aarch64-linux-gnu.
  if (tool.endsWith("gcc")) return tool === "gcc" ? "gcc" : `gcc-${tool.slice(0, -"-gcc".length).replace(/_/g, "-")}`;
  if (tool.startsWith("aarch64-linux-gnu-")) return "binutils-aarch64-linux-gnu";
  if (tool.startsWith("x86_64-linux-gnu-")) return "binutils-x86-64-linux-gnu";
  return "binutils";
}

/** Big enough for any test program's output; beyond it spawnSync kills the child. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Run a build tool; throw ToolchainError if it is missing or exits non-zero. */
function runTool(tool: string, args: string[], what: string, cleanPrefix?: string): void {
  const result = spawnSync(tool, args, { encoding: "utf8", maxBuffer: MAX_OUTPUT_BYTES });
  if (result.error !== undefined) {
    throw toolSpawnError(tool, what, result.error);
  }
  if (result.status !== 0) {
    let stderr = `${result.stderr}${result.stdout}`.trimEnd();
    // Show "program.s:3: Error: ..." rather than a temporary directory.
    if (cleanPrefix !== undefined) stderr = stderr.split(cleanPrefix).join("");
    const how = result.signal !== null ? `was killed by ${result.signal}` : `exited with status ${result.status}`;
    throw new ToolchainError(`${tool} ${how} while ${what}:\n${stderr}`);
  }
}

function toolSpawnError(tool: string, what: string, error: Error): ToolchainError {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    return new ToolchainError(
      `${tool} not found (needed for ${what}); install the Debian package ${debianPackage(tool)}`,
    );
  }
  return new ToolchainError(`could not run ${tool} (${what}): ${error.message}`);
}

// ---------------------------------------------------------------------
// Locating and assembling the runtime
// ---------------------------------------------------------------------

let cachedRoot: string | undefined;

/** The package root: the first folder above this file that has a package.json. */
function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) {
      cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new ToolchainError(`cannot find the qnano package root (no package.json above ${fileURLToPath(import.meta.url)})`);
    }
    dir = parent;
  }
}

// The runtime's object code is cached between processes, in a folder of the
// user's own: os.tmpdir()/qnano-runtime-<uid>/, created with mode 0700 and
// checked on every use (a folder, not a link, owned by this user, which no
// one else can write), since whatever is found there is linked into every
// program. Each cached object is named after the runtime it comes from (the
// target, the assembler and the runtime's source, hashed) and after its own
// content's SHA-256, which is checked once it has been read: a damaged or
// changed object is removed and assembled again. A new object is written
// under a temporary name and renamed, so no process sees half a file. The
// bytes, once checked, are copied into the private folder of each link, so
// nothing can change them between the check and the linker.

/** The runtime's object code per target, read or assembled at most once per process. */
const runtimeObjects = new Map<Target, Buffer>();

const sha256 = (data: Buffer | string): string => createHash("sha256").update(data).digest("hex");

function runtimeSourcePath(target: Target): string {
  return path.join(packageRoot(), "runtime-asm", target, "runtime.s");
}

/** Where the runtime of a target is cached: the folder, and the start of the
 * object's name (`<target>-<hash of what it is made from>`); the whole name
 * adds `-<SHA-256 of the object>.o`. */
export function runtimeCache(target: Target): { dir: string; prefix: string } {
  let source: Buffer;
  try {
    source = fs.readFileSync(runtimeSourcePath(target));
  } catch {
    throw new ToolchainError(`runtime source not found: ${runtimeSourcePath(target)}`);
  }
  const from = createHash("sha256").update(`${target}\0${toolNames(target).as}\0`).update(source).digest("hex").slice(0, 16);
  return { dir: path.join(os.tmpdir(), `qnano-runtime-${process.getuid?.() ?? "user"}`), prefix: `${target}-${from}` };
}

let cacheWarned = false;

/** The cache folder, made if missing, when it is safe to use; else null (said once on stderr). */
function privateCacheDir(dir: string): string | null {
  const uid = process.getuid?.();
  if (uid === undefined) return null; // no owners to check: no cache
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") return null; // no cache, and nothing to warn about
  }
  let problem: string | null = null;
  try {
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) problem = "it is not a folder";
    else if (st.uid !== uid) problem = `it belongs to another user (uid ${st.uid})`;
    else if ((st.mode & 0o022) !== 0) problem = `other users may write to it (mode ${(st.mode & 0o777).toString(8)})`;
    // Made by this user and written only by them (an older qnano made it 0755): keep it to them.
    else if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  } catch (e) {
    problem = (e as Error).message;
  }
  if (problem === null) return dir;
  if (!cacheWarned) process.stderr.write(`qnano: warning: not using the runtime cache ${dir}: ${problem}; the runtime is assembled afresh\n`);
  cacheWarned = true;
  return null;
}

/** The cached object for `prefix` whose content has the SHA-256 its name says; others are removed. */
function readCachedObject(dir: string, prefix: string): Buffer | null {
  const name = new RegExp(`^${prefix}-([0-9a-f]{64})\\.o$`);
  for (const entry of fs.readdirSync(dir)) {
    const hash = name.exec(entry)?.[1];
    if (hash === undefined) continue;
    const file = path.join(dir, entry);
    let bytes: Buffer | null = null;
    try {
      const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
      try {
        const st = fs.fstatSync(fd);
        if (st.isFile() && st.uid === process.getuid?.() && (st.mode & 0o022) === 0) bytes = fs.readFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // unreadable, or a link: not ours to trust
    }
    if (bytes !== null && sha256(bytes) === hash) return bytes;
    fs.rmSync(file, { force: true });
  }
  return null;
}

/** Stores an object in the cache under a temporary name, then renames it. Failing to is not an error. */
function storeCachedObject(dir: string, prefix: string, bytes: Buffer): void {
  const partial = path.join(dir, `.${prefix}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    fs.writeFileSync(partial, bytes, { flag: "wx", mode: 0o600 });
    fs.renameSync(partial, path.join(dir, `${prefix}-${sha256(bytes)}.o`));
  } catch {
    fs.rmSync(partial, { force: true });
  }
}

/** The runtime's object code for a target: from the cache when it holds a checked copy, else assembled. */
function runtimeObject(target: Target): Buffer {
  const known = runtimeObjects.get(target);
  if (known !== undefined) return known;
  const { dir, prefix } = runtimeCache(target);
  let object = privateCacheDir(dir) === null ? null : readCachedObject(dir, prefix);
  if (object === null) {
    const work = makeTemporaryFolder("qnano-build-");
    try {
      const file = path.join(work, "runtime.o");
      runTool(toolNames(target).as, ["-o", file, runtimeSourcePath(target)], `assembling the ${target} runtime`);
      object = fs.readFileSync(file);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    if (privateCacheDir(dir) !== null) storeCachedObject(dir, prefix, object);
  }
  runtimeObjects.set(target, object);
  return object;
}

// ---------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------

/**
 * Assemble the program's assembly text together with the target's
 * runtime (runtime-asm/<target>/runtime.s) and link a static executable
 * at outPath. Throws ToolchainError with the tool's stderr on failure,
 * FileError when outPath cannot be written.
 */
export function assembleAndLink(asmText: string, target: Target, outPath: string): void {
  const tools = toolNames(target);
  const runtime = runtimeObject(target);
  const work = makeTemporaryFolder("qnano-build-");
  try {
    const sourcePath = path.join(work, "program.s");
    const objectPath = path.join(work, "program.o");
    const runtimePath = path.join(work, "runtime.o");
    fs.writeFileSync(runtimePath, runtime);
    fs.writeFileSync(sourcePath, asmText);
    runTool(tools.as, ["-o", objectPath, sourcePath], `assembling the ${target} program`, work + path.sep);
    // -static: no dynamic loader; -z noexecstack: the stack is never
    // executable, even if the program's assembly lacks .note.GNU-stack.
    // Linked in the private folder, then written out: a file that cannot be
    // written is one clear line, and never a half-written executable.
    const linked = path.join(work, "program");
    runTool(tools.ld, ["-static", "-z", "noexecstack", "-o", linked, runtimePath, objectPath], `linking ${outPath}`, work + path.sep);
    writeOutputFile(outPath, fs.readFileSync(linked), true);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** What runBinary observed. */
export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit status; 128 + n when killed by signal n (also after a timeout). */
  status: number;
  /** Name of the killing signal, e.g. "SIGSEGV"; absent on a normal exit. */
  signal?: string;
  /** True when the time limit was hit and the process was killed. */
  timedOut: boolean;
}

/** The line qemu-user prints when the guest dies from a signal; removed so both targets report alike. */
const QEMU_SIGNAL_LINE = /^qemu: uncaught target signal \d+ \([^)]*\) - core dumped\r?\n?/m;

/**
 * Run a binary (under qemu when the target is not the host's), feeding
 * it the given stdin text (empty by default; stdin is never inherited).
 * Signal death is reported as status 128+n plus the signal's name; a
 * run longer than timeoutMs (default 10 s) is killed and reported with
 * timedOut = true. Throws ToolchainError if the binary or qemu cannot be
 * started at all.
 */
export function runBinary(
  binaryPath: string,
  target: Target,
  options: { stdin?: string; timeoutMs?: number; env?: Readonly<Record<string, string>> } = {},
): RunResult {
  const prefix = toolNames(target).run;
  // An absolute path, so a bare "a.out" is never looked up in $PATH.
  const binary = path.resolve(binaryPath);
  const command = prefix[0] ?? binary;
  const args = prefix.length > 0 ? [...prefix.slice(1), binary] : [];
  const result = spawnSync(command, args, {
    input: options.stdin ?? "",
    env: options.env ? { ...process.env, ...options.env } : process.env,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 10_000,
    killSignal: "SIGKILL",
    maxBuffer: MAX_OUTPUT_BYTES,
  });

  const errorCode = (result.error as NodeJS.ErrnoException | undefined)?.code;
  const timedOut = errorCode === "ETIMEDOUT";
  // EPIPE: the program ended without reading all of its stdin. That is
  // its right; status and output are still complete.
  if (result.error !== undefined && !timedOut && errorCode !== "EPIPE") {
    if (errorCode === "ENOENT" && prefix.length > 0) {
      throw toolSpawnError(command, `running ${target} binaries`, result.error);
    }
    throw new ToolchainError(`could not run ${binary}: ${result.error.message}`);
  }

  let stderr = result.stderr ?? "";
  const stdout = result.stdout ?? "";
  if (result.signal !== null) {
    if (prefix.length > 0) stderr = stderr.replace(QEMU_SIGNAL_LINE, "");
    const number = os.constants.signals[result.signal];
    return { stdout, stderr, status: 128 + number, signal: result.signal, timedOut };
  }
  return { stdout, stderr, status: result.status ?? 0, timedOut };
}
